"""The iCalendar (.ics) file of a conference, in the conference's time zone."""

import datetime
import zoneinfo


def conference_calendar(page, request):
    # Imported here: icalendar adds 3 MB to every worker that loads it, and only the
    # rare calendar download needs it (docs/performance.md, worker memory).
    from icalendar import Calendar, Event

    zone = zoneinfo.ZoneInfo(page.time_zone)
    last_day = page.end_date or page.start_date
    event = Event()
    event.add("uid", f"conference-{page.translation_key}@{request.get_host()}")
    event.add("summary", page.title)
    event.add("dtstamp", datetime.datetime.now(datetime.UTC))
    if page.start_time:
        event.add("dtstart", datetime.datetime.combine(page.start_date, page.start_time, zone))
        end_time = page.end_time or page.start_time
        event.add("dtend", datetime.datetime.combine(last_day, end_time, zone))
    else:
        # A whole-day event: the end date is the day after, as iCalendar counts.
        event.add("dtstart", page.start_date)
        event.add("dtend", last_day + datetime.timedelta(days=1))
    event.add("location", ", ".join(part for part in (page.venue, page.city) if part))
    event.add("url", page.get_full_url(request))
    if page.summary:
        event.add("description", page.summary)

    calendar = Calendar()
    calendar.add("prodid", "-//ICSSI//Conferences//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-timezone", page.time_zone)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
