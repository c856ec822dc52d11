"""WAGTAIL_FINISH_WORKFLOW_ACTION, what Wagtail does when a workflow is approved.

Wagtail imports this setting while it defines its own models, so this module imports
nothing at the top; the rule itself is in home/i18n/translation_review.py.
"""


def publish_approved(workflow_state, user=None):
    from home.i18n.translation_review import publish_approved

    publish_approved(workflow_state, user=user)
