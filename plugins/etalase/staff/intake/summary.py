"""What ``impor`` prints: how the file was read, every problem, the changes to existing records, what it wrote."""

from __future__ import annotations

from ...data.loader import format_path
from ...data.messages import shown
from ...errors import display_path
from ..report import format_text
from .drafts import Change, Draft
from .impor import Options, Outcome


def _value(value: object) -> str:
    if value is None:
        return "(kosong)"
    if isinstance(value, dict):
        return f"dari {shown(value.get('dari', '?'))} sampai {shown(value.get('sampai', '?'))}"
    return shown(value)


def _change_line(draft: Draft, change: Change) -> str:
    where = change.ref.where().split(" ")[0] if change.ref.number else f"baris {change.ref.row}"
    product = f" ({change.product})" if change.product else ""
    return f"  {where} {format_path(change.path)}{product}: {_value(change.old)} → {_value(change.new)}"


def format_changes(outcome: Outcome) -> list[str]:
    """The field-by-field diff of every existing record the import changes."""
    lines: list[str] = []
    for draft in outcome.drafts:
        if not draft.changes:
            continue
        lines.append(f"{display_path(outcome.root / draft.rel, outcome.root)} ({len(draft.changes)} perubahan)")
        lines += [_change_line(draft, change) for change in draft.changes]
    return ["Perubahan pada catatan yang ada:", *lines, ""] if lines else []


def _written(outcome: Outcome, dry_run: bool) -> list[str]:
    verb = "Akan ditulis (uji coba --coba, belum ada yang ditulis):" if dry_run else "Ditulis:"
    lines = []
    for draft in outcome.drafts:
        if not draft.touched:
            continue
        name = display_path(outcome.root / draft.rel, outcome.root)
        products = len(draft.group.products)
        what = (f"baru, {products} produk" if draft.is_new else
                f"{len(draft.added)} produk baru, {len(draft.changes)} perubahan")
        lines.append(f"  {name} ({what})")
    lines += [f"  {display_path(outcome.root / target, outcome.root)} (foto dari {source})"
              for target, source in sorted(outcome.copies.items())
              if dry_run or target in outcome.written]
    return [verb, *lines] if lines else []


def _totals(outcome: Outcome) -> str:
    touched = [draft for draft in outcome.drafts if draft.touched]
    if not touched and not outcome.written:
        return "Tidak ada perubahan: katalog sudah sama dengan isi spreadsheet."
    new, copied = sum(draft.is_new for draft in touched), sum(target in outcome.written for target in outcome.copies)
    counts = ((new, "eksibitor baru"), (len(touched) - new, "eksibitor diperbarui"),
              (sum(len(draft.added) for draft in touched), "produk baru"), (copied, "foto disalin"))
    return "Impor selesai: " + ", ".join(f"{count} {what}" for count, what in counts if count) + "."


def format_outcome(outcome: Outcome, options: Options) -> str:
    """Everything ``impor`` tells staff about one run, in Bahasa Indonesia."""
    lines: list[str] = []
    sheet, reading = outcome.sheet, outcome.reading
    if sheet is not None and reading is not None:
        products = sum(len(group.products) for group in reading.groups)
        lines.append(f"Dibaca: {sheet.source} ({sheet.how}): {products} baris produk, {len(reading.groups)} eksibitor.")
        lines += [f"Baris {row} sama dengan contoh di templat: dilewati." for row in reading.example_rows]
    if outcome.issues:
        return "\n".join([*lines, *([""] if lines else []), format_text(outcome.issues, "Tidak ada yang ditulis.")])
    if outcome.skipped:
        rows = ", ".join(str(row) for row in sorted(outcome.skipped))
        skipped = [issue for found in outcome.skipped.values() for issue in found]
        lines += ["", format_text(skipped, f"Baris {rows} dilewati (--lewati-baris-salah).")]
    lines += [""] + format_changes(outcome) + _written(outcome, options.dry_run)
    lines.append(_totals(outcome) if not options.dry_run else "Uji coba selesai: tidak ada yang ditulis.")
    new = [draft.record_id for draft in outcome.drafts if draft.is_new]
    if new and not options.dry_run:
        lines.append(f"Eksibitor baru belum ikut batch: tambahkan ID-nya ({', '.join(new)}) ke daftar `eksibitor:` "
                     "di berkas batch, lalu jalankan ./run validate.")
    return "\n".join(line for n, line in enumerate(lines) if line or (n and lines[n - 1]))
