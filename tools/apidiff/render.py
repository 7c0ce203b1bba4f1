"""The report as a maintainer reads it: one line per change, breaking first, with what to do next."""

from __future__ import annotations

from .model import Change, Impact, Report

_MARK = {Impact.BREAKING: "BREAKING", Impact.ADDITION: "added", Impact.CHANGE: "changed", Impact.NONE: "-"}


def audiences(change: Change) -> str:
    who = [name for name, impact in (("client", change.client), ("server", change.server)) if impact is Impact.BREAKING]
    return " and ".join(who)


def text(report: Report, before: str, after: str) -> str:
    lines = [f"API changes from {before}", f"              to {after}"]
    if not report.changes:
        return "\n".join([*lines, "no change"]) + "\n"
    lines.append(f"{'client':<9} {'server':<9} where: what")
    ordered = sorted(enumerate(report.changes), key=lambda pair: (-max(pair[1].client, pair[1].server), pair[0]))
    for _, change in ordered:
        ack = f"  [{change.ack}]" if change.breaking else ""
        lines.append(f"{_MARK[change.client]:<9} {_MARK[change.server]:<9} {change.describe()}{ack}")
    breaking_client = sum(c.client is Impact.BREAKING for c in report.changes)
    breaking_server = sum(c.server is Impact.BREAKING for c in report.changes)
    additions = sum(c.client is Impact.ADDITION for c in report.changes)
    lines.append(
        f"{len(report.changes)} change(s): {breaking_client} breaking for client users, "
        f"{breaking_server} breaking for servers under contract test, {additions} addition(s)"
    )
    return "\n".join(lines) + "\n"


def json_ready(report: Report) -> dict[str, object]:
    return {
        "client": report.client_level.label,
        "server": report.server_level.label,
        "changes": [
            {
                "kind": c.kind,
                "where": c.where,
                "message": c.message,
                "client": c.client.label,
                "server": c.server.label,
                "ack": c.ack if c.breaking else None,
            }
            for c in report.changes
        ],
    }
