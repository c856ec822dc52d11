"""Accepting what a visitor sends through a page's form (joining a campaign,
registering for a conference): the same steps for both."""

from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from campaigns.forms import count_submission, rate_limited
from campaigns.submissions import original_page


def accept_submission(request, page, form_class, notify):
    """Check the form, store the submission on the page's original (one list per
    campaign or conference for staff), then queue `notify` (a task: the email) after
    the commit and send the visitor to a thank-you message.

    Spam (the honeypot) gets the thank-you without being stored; an invalid form
    400, a visitor who sent too many accepted forms 429, both with the form and its errors;
    a submission that exists already (or the same form sent twice at once) gets "already".
    """
    form = form_class(request.POST)

    def thank_you(result="1"):
        return redirect(f"{page.url}?{form_class.result_parameter}={result}#{form_class.anchor}")

    def again(status):
        return page.respond(request, status=status, **{form_class.context_name: form})

    if form.is_spam():
        return thank_you()
    if not form.is_valid():
        return again(400)
    if rate_limited(request, form):
        form.add_error(
            None, _("Too many forms were sent from your address. Please try again in an hour.")
        )
        return again(429)
    original = original_page(page)
    submission = form.build(original, language=get_language())
    if form.is_duplicate(submission):
        return thank_you("already")
    try:
        with transaction.atomic():
            submission.save()
    except IntegrityError:  # the same form sent twice at once
        return thank_you("already")
    count_submission(request, form)
    # The email is a background task (campaigns/notifications.py): queued once the
    # submission is committed; a mail server down or slow never reaches the visitor.
    transaction.on_commit(lambda: notify.enqueue(page.pk, submission.pk), robust=True)
    return thank_you()
