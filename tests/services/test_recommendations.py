"""The tim monev's recommendations (issue #13 §1): stored, audited, never erased."""

from __future__ import annotations

import json

import pytest

from app.services.actor import Actor
from app.services.changes import RECOMMENDATIONS
from app.services.errors import PermissionDenied, UserError
from app.services.recommendations import (
    MAX_TEXT,
    add_recommendation,
    list_recommendations,
    revise_recommendation,
    withdraw_recommendation,
)

ADMIN = Actor("ketua", "admin")
TEAM = Actor("sari", "monev")
OTHER = Actor("budi", "monev")
OPERATOR = Actor("rina", "operator")


def _events(db, kind: str) -> list[tuple[str, str, str | None, str | None]]:
    with db.reading() as connection:
        return connection.execute(
            "SELECT actor, entity_key, old, new FROM audit_event WHERE action = ? ORDER BY id",
            (kind,),
        ).fetchall()


def test_a_recommendation_is_added_revised_and_withdrawn_on_the_record(db, make_selection):
    info = make_selection("cpns-2024")
    first = add_recommendation(
        db,
        TEAM,
        info.id,
        "  Latih ulang   penilai praktik\n\nsebelum seleksi berikutnya.  ",
        "icc.AKHIR.PRAKTIK",
    )
    assert RECOMMENDATIONS in first.changes.kinds
    # Spaces inside a line are folded; the paragraph break stays.
    assert first.text == "Latih ulang penilai praktik\n\nsebelum seleksi berikutnya."
    second = add_recommendation(db, ADMIN, info.id, "Tinjau ambang SKB.")
    assert [r.id for r in list_recommendations(db, info.id)] == [first.id, second.id]
    assert list_recommendations(db, info.id)[1].finding_key is None

    revised = revise_recommendation(db, TEAM, info.id, first.id, "Latih ulang penilai.")
    assert revised.text == "Latih ulang penilai." and revised.revised_at is not None
    withdraw_recommendation(db, ADMIN, info.id, second.id)  # the admin keeps the file

    standing = list_recommendations(db, info.id)
    assert [(r.id, r.text) for r in standing] == [(first.id, "Latih ulang penilai.")]
    everything = list_recommendations(db, info.id, include_withdrawn=True)
    assert everything[1].withdrawn_by == "ketua" and not everything[1].standing

    (added, *_), revisions, withdrawals = (
        _events(db, "recommendation.added"),
        _events(db, "recommendation.revised"),
        _events(db, "recommendation.withdrawn"),
    )
    assert added[0] == "sari" and added[1] == str(first.id)
    assert json.loads(added[3]) == {
        "finding": "icc.AKHIR.PRAKTIK",
        "text": "Latih ulang penilai praktik\n\nsebelum seleksi berikutnya.",
    }
    assert json.loads(revisions[0][2])["text"].startswith("Latih ulang penilai praktik")
    assert json.loads(revisions[0][3]) == {"text": "Latih ulang penilai."}
    assert withdrawals[0][0] == "ketua" and json.loads(withdrawals[0][2])["text"] == (
        "Tinjau ambang SKB."
    )


def test_who_may_write_and_what_is_refused_changes_nothing(db, make_selection):
    info = make_selection("cpns-2024")
    mine = add_recommendation(db, TEAM, info.id, "Perluas sosialisasi formasi.")
    with pytest.raises(PermissionDenied):
        add_recommendation(db, OPERATOR, info.id, "Operator tidak menulis rekomendasi.")
    with pytest.raises(UserError) as refused:
        revise_recommendation(db, OTHER, info.id, mine.id, "Kata orang lain.")
    assert refused.value.message == "recommendation.not_author"
    assert "sari" in refused.value.text()
    with pytest.raises(UserError) as refused:
        withdraw_recommendation(db, OTHER, info.id, mine.id)
    assert refused.value.message == "recommendation.not_author"
    for text, message in [
        ("   \n ", "recommendation.empty"),
        ("x" * (MAX_TEXT + 1), "recommendation.too_long"),
    ]:
        with pytest.raises(UserError) as refused:
            add_recommendation(db, TEAM, info.id, text)
        assert refused.value.message == message
    with pytest.raises(UserError) as refused:
        add_recommendation(db, TEAM, info.id, "Teks.", "icc.AKHIR\nPRAKTIK")
    assert refused.value.message == "recommendation.bad_finding"
    with pytest.raises(UserError) as refused:
        add_recommendation(db, TEAM, info.id, "Teks.", "bukan kunci")
    assert refused.value.message == "recommendation.bad_finding"
    # An assessor's key holds their name as signed, spaces and all.
    named = add_recommendation(
        db, TEAM, info.id, "Teks.", "assessor.AKHIR.PRAKTIK.Agnes  br. Saragih"
    )
    assert named.finding_key == "assessor.AKHIR.PRAKTIK.Agnes br. Saragih"
    withdraw_recommendation(db, TEAM, info.id, named.id)
    with pytest.raises(UserError) as refused:
        revise_recommendation(db, TEAM, info.id, mine.id, "Perluas  sosialisasi formasi.")
    assert refused.value.message == "recommendation.unchanged"
    with pytest.raises(UserError) as refused:
        revise_recommendation(db, TEAM, info.id, 999, "Teks.")
    assert refused.value.message == "recommendation.not_found"
    withdraw_recommendation(db, TEAM, info.id, mine.id)
    with pytest.raises(UserError) as refused:
        withdraw_recommendation(db, TEAM, info.id, mine.id)
    assert refused.value.message == "recommendation.withdrawn"
    with pytest.raises(UserError):
        revise_recommendation(db, ADMIN, info.id, mine.id, "Terlambat.")
    # Exactly one row, as written, then withdrawn; and only the three successful events.
    row, _named = list_recommendations(db, info.id, include_withdrawn=True)
    assert row.text == "Perluas sosialisasi formasi." and row.revised_at is None
    assert len(_events(db, "recommendation.added")) == 2
    assert _events(db, "recommendation.revised") == []
    assert len(_events(db, "recommendation.withdrawn")) == 2


def test_a_recommendation_belongs_to_its_selection(db, make_selection):
    one = make_selection("cpns-2024")
    two = make_selection("pppk-2024")
    mine = add_recommendation(db, TEAM, one.id, "Untuk seleksi pertama.")
    assert list_recommendations(db, two.id) == []
    with pytest.raises(UserError) as refused:
        withdraw_recommendation(db, TEAM, two.id, mine.id)
    assert refused.value.message == "recommendation.not_found"
