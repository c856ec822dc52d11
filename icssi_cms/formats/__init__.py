"""How dates are written in each language (FORMAT_MODULE_PATH): one module per
language, each defining every name below, so no language falls back to Django's
own choice for it (English DATE_FORMAT would be "N j, Y", Arabic "j F، Y").

- DATE_FORMAT: a day (statements, deadlines, e-mails, feeds);
- YEAR_MONTH_FORMAT: a month, for statements dated to the month ("June 2015");
- WEEKDAY_DATE_FORMAT: a day with its weekday (a conference's first day); a name of
  our own, read by home/dates.py (Django's `date` filter knows only its own names);
- MONTH_DAY_FORMAT, DATETIME_FORMAT, SHORT_DATE_FORMAT, SHORT_DATETIME_FORMAT: what
  the admin's listings show (submissions' dates).

Month and weekday names come from the catalogues (icssi_cms/locale/), which give the
Iraqi names: Arabic كانون الثاني, Sorani کانوونی دووەم (home/i18n/django_messages.py).
Sorani joins day, month and year with the izafe -ی: 18ی کانوونی دووەمی 2017.
docs/translation.md "Dates" has the examples.
"""
