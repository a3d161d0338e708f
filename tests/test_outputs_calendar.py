"""Batch calendars: RFC 5545 bytes (CRLF, 75-octet folding, escaping) that icalendar reads back."""

from __future__ import annotations

import datetime as dt

import icalendar
from etalase.outputs.calendar import escape_text, fold, produce_calendars
from outputs_helpers import SITEURL, rich_catalogue, sample_catalogue, site


def _calendars(catalogue, **kwargs) -> dict[str, bytes]:
    return {a.path: a.data for a in produce_calendars(catalogue, site(**kwargs))}


def _unfold(data: bytes) -> list[str]:
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")[:-1]


def test_one_calendar_per_batch_at_its_url(tmp_path):
    assert sorted(_calendars(rich_catalogue(tmp_path))) == ["batch/batch-10/jadwal.ics", "batch/batch-9/jadwal.ics"]


def test_sample_batch_is_one_all_day_event_with_an_exclusive_end(tmp_path):
    data = _calendars(sample_catalogue(tmp_path))["batch/batch-9/jadwal.ics"]
    lines = _unfold(data)
    assert lines[:7] == [
        "BEGIN:VCALENDAR",
        "PRODID:-//Dinas PPKUKM DKI Jakarta//Etalase//ID",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Business Matching Batch 9",
        "X-WR-TIMEZONE:Asia/Jakarta",
    ]
    assert "UID:batch-9@etalase.example.go.id" in lines
    assert "DTSTAMP:20231106T000000Z" in lines
    assert "DTSTART;VALUE=DATE:20231106" in lines
    assert "DTEND;VALUE=DATE:20231110" in lines
    assert "LOCATION:Balai Kota DKI Jakarta\\, Jl. Medan Merdeka Selatan No. 8-9\\, Gambir\\, Jakarta Pusat" in lines
    assert f"URL;VALUE=URI:{SITEURL}/batch/batch-9/" in lines
    assert lines.count("BEGIN:VEVENT") == 1 and lines[-1] == "END:VCALENDAR"


def test_every_line_ends_in_crlf_and_fits_in_75_octets(tmp_path):
    for data in _calendars(rich_catalogue(tmp_path)).values():
        assert data.endswith(b"\r\n")
        assert b"\n" not in data.replace(b"\r\n", b"")
        assert b"\r" not in data.replace(b"\r\n", b"")
        physical = data.split(b"\r\n")[:-1]
        assert all(len(line) <= 75 for line in physical)
        assert any(line.startswith(b" ") for line in physical)
        for line in physical:
            line.decode("utf-8")  # a fold never splits a multi-byte character


def test_icalendar_reads_back_the_escaped_text(tmp_path):
    data = _calendars(rich_catalogue(tmp_path))["batch/batch-10/jadwal.ics"]
    calendar = icalendar.Calendar.from_ical(data)
    assert calendar["METHOD"] == "PUBLISH" and calendar["X-WR-TIMEZONE"] == "Asia/Jakarta"
    [event] = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Business Matching Batch 10; Pekan PDN, Edisi \\Khusus\\"
    assert str(event["LOCATION"]) == "Gedung Dinas PPKUKM, Jl. Perintis Kemerdekaan, Kav. 1; Lantai 2, Jakarta Utara"
    assert event.decoded("DTSTART") == dt.date(2023, 12, 4)
    assert event.decoded("DTEND") == dt.date(2023, 12, 5)
    assert event.decoded("DTSTAMP") == dt.datetime(2023, 12, 4, tzinfo=dt.UTC)
    assert str(event["UID"]) == "batch-10@etalase.example.go.id"
    assert str(event["DESCRIPTION"]) == (
        "Satu hari penuh produk dalam negeri — kopi, kriya, batik; semuanya ☕ 🎉.\n\n"
        "- Temu bisnis dengan pembeli pemerintah\n- Konsultasi TKDN\n\n"
        f"{SITEURL}/batch/batch-10/"
    )


def test_description_lists_activities_as_plain_text_without_markdown(tmp_path):
    data = _calendars(sample_catalogue(tmp_path))["batch/batch-9/jadwal.ics"]
    [event] = icalendar.Calendar.from_ical(data).walk("VEVENT")
    description = str(event["DESCRIPTION"])
    assert "**" not in description and "18 eksibitor" in description
    assert "Kegiatan:\n- Sosialisasi pengoperasian SIINas dan pendaftaran akun SIINas\n- Konsultasi" in description
    assert description.endswith(f"\n\n{SITEURL}/batch/batch-9/")


def test_escape_text_escapes_backslash_first():
    assert escape_text("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf"


def test_fold_counts_octets_not_characters():
    line = "DESCRIPTION:" + "é" * 100
    folded = fold(line).encode("utf-8").split(b"\r\n")
    assert all(len(part) <= 75 for part in folded)
    assert [part.decode("utf-8") for part in folded]
    assert fold(line).replace("\r\n ", "") == line
    assert fold("X" * 75) == "X" * 75
    assert fold("X" * 76) == "X" * 75 + "\r\n X"


def test_local_build_uses_a_fallback_host_and_no_relative_url_property(tmp_path):
    lines = _unfold(_calendars(sample_catalogue(tmp_path), siteurl="")["batch/batch-9/jadwal.ics"])
    assert "UID:batch-9@etalase.invalid" in lines
    assert not [line for line in lines if line.startswith("URL")]


def test_calendar_bytes_are_identical_across_runs(tmp_path):
    assert _calendars(rich_catalogue(tmp_path / "a")) == _calendars(rich_catalogue(tmp_path / "b"))
