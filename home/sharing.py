"""Share links: plain addresses of the networks' own share pages (and a mailto:), so
they work without JavaScript, load nothing from the networks and need no change to
the site's Content Security Policy. The text is the page's title in the language the
reader reads it in, and the address is the page in that language."""

from functools import partial
from urllib.parse import quote, urlencode

from django.utils.translation import gettext as _

# %20 for spaces, not +: mailto: requires it (RFC 6068) and it is safe everywhere.
query = partial(urlencode, quote_via=quote)


def share_links(title, url):
    """(css name, visible text, href) for each way of sharing `url`."""
    message = f"{title} {url}"
    email_body = _("%(title)s\n\nRead it on the ICSSI website: %(url)s") % {
        "title": title,
        "url": url,
    }
    return [
        ("whatsapp", _("WhatsApp"), "https://wa.me/?" + query({"text": message})),
        (
            "telegram",
            _("Telegram"),
            "https://t.me/share/url?" + query({"url": url, "text": title}),
        ),
        (
            "facebook",
            _("Facebook"),
            "https://www.facebook.com/sharer/sharer.php?" + query({"u": url}),
        ),
        ("x", "X", "https://x.com/intent/post?" + query({"text": title, "url": url})),
        ("email", _("Email"), "mailto:?" + query({"subject": title, "body": email_body})),
    ]
