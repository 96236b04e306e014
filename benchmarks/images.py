"""Benchmark: time and peak memory to check a 24-megapixel JPEG and produce all its renditions.

Run with `make bench-images`. Each measurement runs in a new interpreter so that its peak resident
memory (ru_maxrss) belongs to that step alone; tracemalloc's figure counts only Python's
own allocations (Pillow's pixel buffers are allocated in C), so both are printed.
"""

from __future__ import annotations

import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

SIZE = (6000, 4000)
REPEATS = int(os.environ.get("BENCH_REPEATS", "3"))


def make_photo() -> bytes:
    """A 6000 x 4000 JPEG with gradients, shapes and sensor-like noise (so it compresses like a photo)."""
    from PIL import Image, ImageDraw, ImageFilter

    width, height = SIZE
    ramp = Image.linear_gradient("L").resize(SIZE)
    noise = Image.effect_noise(SIZE, 24).filter(ImageFilter.GaussianBlur(1))
    image = Image.merge("RGB", [ramp, noise, ramp.transpose(Image.Transpose.FLIP_TOP_BOTTOM)])
    draw = ImageDraw.Draw(image)
    for i in range(40):
        x, y = (i * 149) % width, (i * 97) % height
        draw.ellipse([x, y, x + 400, y + 300], fill=((i * 53) % 256, (i * 31) % 256, (i * 17) % 256))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def _child(step: str, path: str) -> None:
    """Run one step in this (fresh) process and print its figures as JSON."""
    import django

    django.setup()
    from articles.photos import checks as images
    from articles.photos import encoding

    data = Path(path).read_bytes()
    if step == "prepare":
        folder = Path(path).parent
        (folder / "photo.jpg").write_bytes(make_photo())
        return
    if step == "master":
        Path(path).with_name("master.jpg").write_bytes(images.check_bytes(data, name="24mp.jpg").content)
        return
    baseline_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    started = time.perf_counter()
    if step == "check":
        result = images.check_bytes(data, name="24mp.jpg")
        detail = f"master {len(result.content) / 1e6:.1f} MB"
    else:
        draft = step != "renditions-no-draft"
        gap = None if step in ("renditions-no-draft", "renditions-no-gap") else 3.0
        made = encoding.make_renditions(data, draft=draft, reducing_gap=gap)
        detail = f"{len(made)} files, {sum(len(r.content) for r in made) / 1e6:.2f} MB"
    elapsed = time.perf_counter() - started
    _current, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps([elapsed, traced_peak, baseline_kb, peak_kb, detail]))


def _python(*args: str) -> subprocess.CompletedProcess:
    """Run this script again in a new interpreter (our own file and arguments, no shell)."""
    return subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True)  # noqa: S603


def run(step: str, path: Path) -> list:
    """Best-of-REPEATS time, each run in a new interpreter (not forked: ru_maxrss survives fork and exec)."""
    best = None
    for _ in range(REPEATS):
        out = _python("--child", step, str(path))
        figures = json.loads(out.stdout.strip().splitlines()[-1])
        if best is None or figures[0] < best[0]:
            best = figures
    return best


def main() -> None:
    """Print one line per step: wall time, peak RSS and its growth during the step, tracemalloc peak."""
    with tempfile.TemporaryDirectory() as folder:
        photo, master = Path(folder) / "photo.jpg", Path(folder) / "master.jpg"
        photo.write_bytes(b"")
        _python("--child", "prepare", str(photo))
        _python("--child", "master", str(photo))
        print(
            f"Source: {SIZE[0]} x {SIZE[1]} JPEG ({SIZE[0] * SIZE[1] / 1e6:.0f} MP), "
            f"{photo.stat().st_size / 1e6:.1f} MB; best of {REPEATS} runs, each in a new process"
        )
        print(f"{'step':<30}{'wall s':>8}{'peak RSS MB':>13}{'growth MB':>11}{'tracemalloc MB':>16}  result")
        steps = [
            ("check", photo, "upload check + clean master"),
            ("renditions", master, "renditions (draft + gap 3.0)"),
            ("renditions-no-gap", master, "renditions (draft only)"),
            ("renditions-no-draft", master, "renditions (no draft, no gap)"),
        ]
        for step, path, label in steps:
            elapsed, traced, base_kb, peak_kb, detail = run(step, path)
            print(
                f"{label:<30}{elapsed:>8.2f}{peak_kb / 1024:>13.0f}{(peak_kb - base_kb) / 1024:>11.0f}"
                f"{traced / 1e6:>16.1f}  {detail}"
            )


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        _child(sys.argv[2], sys.argv[3])
    else:
        main()
