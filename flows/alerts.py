"""Alerts for the scheduled runs, on Prefect's own automations and notification blocks (no scheduler of ours):
`countyreports schedule --notify URL` / `--notify-block TYPE/NAME` calls `ensure_alerts` once the deployments
are registered.

Three automations, replaced each time (by name) with the targets given, all for the flow runs of the harvest
and backfill deployments (a shard's failure fails its parent):

- ``countyreports: run failed`` — the run's `on_failure` hook emitted ``countyreports.flow-run.failed`` (see
  `flows._common.on_failed`: Prefect's own ``prefect.flow-run.Failed`` of a cron-scheduled run reaches the
  automations up to 15 minutes late). Its message gives the flow, the run, the state and its message, which
  holds the run's one-line reason (`RunFailed`);
- ``countyreports: run crashed`` — Prefect's ``prefect.flow-run.Crashed`` (the process died: no hook of ours
  ran); for a cron-scheduled run it arrives up to 15 minutes late, for the reason above;
- ``countyreports: counties regressed`` — a run that completed emitted ``countyreports.counties.regressed``
  (flows/_common.finish): counties that loaded in their previous run failed in this one. A failed run does not
  emit it, so a bad night sends one message.

Targets: an http(s) URL becomes a `CustomWebhookNotificationBlock` (POST of JSON ``{"subject", "body", "text"}``,
``text`` for Slack-like receivers); ``TYPE/NAME`` names a notification block saved in Prefect already (e-mail
through ``sendgrid-email/NAME``, or a block of a Prefect integration such as prefect-email, Slack, Teams). The
server's automation services send the messages: the serve process may be down when they are due.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import timedelta
from typing import Any
from uuid import UUID

from prefect.automations import Automation, EventTrigger, Posture, SendNotification
from prefect.blocks.notifications import CustomWebhookNotificationBlock
from prefect.client.orchestration import get_client

from flows._common import FAILED_EVENT, REGRESSED_EVENT

FAILED = "countyreports: run failed"
CRASHED = "countyreports: run crashed"
REGRESSED = "countyreports: counties regressed"
FAILED_SUBJECT = "countyreports: {{ flow.name }} run {{ flow_run.name }} {{ flow_run.state.name }}"
FAILED_BODY = ("The {{ flow.name }} run {{ flow_run.name }} (deployment {{ flow.name }}/{{ deployment.name }}) "
               "ended {{ flow_run.state.name }} at {{ flow_run.state.timestamp }}:\n"
               "{{ flow_run.state.message }}\n"
               "`countyreports status --db {{ flow_run.parameters.db }}` lists the counties.")
REGRESSED_SUBJECT = "countyreports: {{ event.payload.run_id }}: counties that loaded last time fail now"
REGRESSED_BODY = "{{ event.payload.message }}"


def _webhook_block(url: str) -> UUID:
    """A saved Custom Webhook block posting to `url` (one per URL, named by its hash)."""
    name = "countyreports-" + hashlib.sha256(url.encode()).hexdigest()[:12]
    block = CustomWebhookNotificationBlock(
        name=name, url=url, method="POST",
        json_data={"subject": "{{subject}}", "body": "{{body}}", "text": "{{subject}}\n{{body}}"})
    return block.save(name, overwrite=True)


def _saved_block(spec: str) -> UUID:
    """The id of a notification block saved in Prefect, given as TYPE/NAME (e.g. sendgrid-email/team)."""
    slug, _, name = spec.partition("/")
    if not slug or not name:
        raise ValueError(f"--notify-block {spec!r}: expected TYPE/NAME, e.g. sendgrid-email/team")
    with get_client(sync_client=True) as client:
        return client.read_block_document_by_name(name, slug, include_secrets=False).id


def _replace(name: str, trigger: EventTrigger, blocks: Sequence[UUID], subject: str, body: str) -> UUID:
    with get_client(sync_client=True) as client:
        for old in client.read_automations_by_name(name):
            client.delete_automation(old.id)
    auto = Automation(name=name, description="created by `countyreports schedule --notify`", trigger=trigger,
                      actions=[SendNotification(block_document_id=b, subject=subject, body=body) for b in blocks])
    created = auto.create()
    assert created.id is not None
    return created.id


def ensure_alerts(webhooks: Sequence[str], blocks: Sequence[str], deployment_ids: Sequence[UUID]) -> dict[str, Any]:
    """Create (or replace) the three automations, sending to every target, for the flow runs of these
    deployments; returns their ids by name."""
    targets = [_webhook_block(u) for u in webhooks] + [_saved_block(b) for b in blocks]
    related = {"prefect.resource.role": "deployment",
               "prefect.resource.id": [f"prefect.deployment.{d}" for d in deployment_ids]}

    def on(event: str, resources: str) -> EventTrigger:
        return EventTrigger(expect={event}, match={"prefect.resource.id": resources}, match_related=related,
                            posture=Posture.Reactive, threshold=1, within=timedelta(0))

    return {FAILED: _replace(FAILED, on(FAILED_EVENT, "prefect.flow-run.*"), targets, FAILED_SUBJECT, FAILED_BODY),
            CRASHED: _replace(CRASHED, on("prefect.flow-run.Crashed", "prefect.flow-run.*"), targets,
                              FAILED_SUBJECT, FAILED_BODY),
            REGRESSED: _replace(REGRESSED, on(REGRESSED_EVENT, "countyreports.run.*"), targets,
                                REGRESSED_SUBJECT, REGRESSED_BODY)}
