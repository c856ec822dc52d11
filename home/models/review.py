"""The review step of a translation: a second translator of the same language
approves it before it goes live (docs/translation.md, "Review by a second translator")."""

from django.utils.translation import gettext_lazy as _

from wagtail.models import AbstractGroupApprovalTask


class SecondTranslatorApprovalTask(AbstractGroupApprovalTask):
    """Wagtail's group approval, except that nobody approves their own work: the
    person who sent the translation for review, or wrote the version under review,
    sees it in review but cannot approve it or request changes."""

    def is_their_own_work(self, obj, user):
        state = obj.current_workflow_state
        if state is None:
            return False
        task_state = state.current_task_state
        return user.pk in {
            state.requested_by_id,
            task_state.revision.user_id if task_state and task_state.revision else None,
        }

    def get_actions(self, obj, user):
        if self.is_their_own_work(obj, user):
            return []
        return super().get_actions(obj, user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(workflow_state__requested_by=user).exclude(revision__user=user)

    @classmethod
    def get_description(cls):
        return _(
            "A member of the chosen groups approves it, other than the person who sent it "
            "for review: a second translator of the same language"
        )

    class Meta:
        verbose_name = _("approval by a second translator")
        verbose_name_plural = _("approvals by a second translator")
