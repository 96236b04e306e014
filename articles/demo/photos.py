"""Demo photos, drawn with Pillow when the demo loads: skies, sun, hills, water and buildings.

Nothing here is a real photograph, so the demo needs no licence and carries no one's location.
Each picture is made from a few shapes over a gradient, seeded per story so it looks the same on
every run.
"""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw

DEMO_CREDIT = "Newsroom/Demo"
SIZE = (1280, 853)

# Headline of the demo story -> (caption, alternative text, palette: sky top, sky bottom, land, accent).
PHOTOS = {
    "Port city opens tidal power station after a decade of trials": (
        "Turbine housings of the tidal station in the river mouth at dusk.",
        "A row of grey turbine housings in calm water under an orange evening sky.",
        ((255, 140, 60), (250, 215, 160), (40, 80, 110), (90, 90, 100)),
    ),
    "Mountain villages vote to share one school bus network": (
        "A school bus on the pass road above the upper valley villages.",
        "Green mountain slopes under a blue sky with a small yellow bus on a road.",
        ((70, 130, 210), (190, 220, 250), (60, 120, 60), (240, 190, 20)),
    ),
    "Container rates ease as new ships join Asia-Europe routes": (
        "Container ships wait at anchor off the port.",
        "Several ships with coloured containers on a grey-blue sea.",
        ((120, 150, 180), (210, 220, 230), (50, 90, 130), (200, 60, 40)),
    ),
    "Regional bank raises savings rate for first-time depositors": (
        "The bank's head office on the city's main avenue.",
        "Tall office buildings in front of a pale morning sky.",
        ((150, 190, 230), (235, 240, 245), (120, 120, 125), (30, 110, 160)),
    ),
    "Seed bank adds drought-tolerant sorghum from three continents": (
        "Sorghum in a trial field at the research station.",
        "A field of reddish sorghum heads under a hazy sky.",
        ((230, 200, 140), (250, 240, 210), (150, 90, 40), (170, 50, 30)),
    ),
    "Amateur astronomers time a distant star's flicker to the second": (
        "Backyard telescopes set up under a clear night sky.",
        "A dark blue night sky with stars above black hills.",
        ((5, 10, 40), (30, 40, 90), (15, 15, 25), (255, 255, 230)),
    ),
    "Harbour city marathon moves start to dawn to beat the heat": (
        "Runners on the harbour road shortly after sunrise.",
        "A pink dawn sky over a harbour road with small figures running.",
        ((250, 150, 160), (255, 220, 180), (70, 70, 80), (30, 160, 200)),
    ),
    "Women's volleyball league adds two teams for the new season": (
        "The league's indoor arena before the season opener.",
        "The curved roof of a sports arena against a blue sky.",
        ((60, 120, 200), (170, 210, 245), (200, 200, 190), (230, 120, 30)),
    ),
    "Ferry operators agree on one ticket for the northern islands": (
        "A ferry leaves the harbour for the northern islands.",
        "A white ferry on dark water between green islands under a grey sky.",
        ((110, 130, 150), (200, 210, 215), (30, 60, 80), (245, 245, 245)),
    ),
}


def _gradient(top: tuple[int, int, int], bottom: tuple[int, int, int], size: tuple[int, int]) -> Image.Image:
    # Pillow's built-in 256-step ramp, stretched and coloured per channel: fast even at full size.
    ramp = Image.linear_gradient("L").resize(size)
    channels = [ramp.point(lambda v, a=a, b=b: a + (b - a) * v // 255) for a, b in zip(top, bottom, strict=True)]
    return Image.merge("RGB", channels)


def draw_photo(headline: str) -> tuple[bytes, tuple[float, float]]:
    """A JPEG scene for the demo story with this headline, and its focal point (the sun)."""
    _caption, _alt, (sky_top, sky_bottom, land, accent) = PHOTOS[headline]
    rng = random.Random(headline)  # noqa: S311 - scenery, not security
    width, height = SIZE
    image = _gradient(sky_top, sky_bottom, SIZE)
    draw = ImageDraw.Draw(image)
    sun_x, sun_y, radius = rng.randint(150, width - 150), rng.randint(80, height // 3), rng.randint(40, 90)
    draw.ellipse([sun_x - radius, sun_y - radius, sun_x + radius, sun_y + radius], fill=accent)
    horizon = int(height * rng.uniform(0.55, 0.7))
    for layer in range(3):
        shade = tuple(max(0, c - 25 * layer) for c in land)
        points = [(0, height)]
        for x in range(0, width + 80, 80):
            points.append((x, horizon + layer * 40 + rng.randint(-60, 40)))
        points.append((width, height))
        draw.polygon(points, fill=shade)
    for _ in range(rng.randint(3, 7)):
        x, w, h = rng.randint(0, width - 120), rng.randint(40, 120), rng.randint(60, 220)
        draw.rectangle([x, horizon + 60 - h, x + w, horizon + 60], fill=accent if rng.random() < 0.3 else land)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    return out.getvalue(), (round(sun_x / width, 3), round(sun_y / height, 3))


def caption_and_alt(headline: str) -> tuple[str, str]:
    """The caption and alternative text of a demo story's photo."""
    caption, alt, _palette = PHOTOS[headline]
    return caption, alt
