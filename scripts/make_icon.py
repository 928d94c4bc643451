"""Draw the program's icon: a white shield with a tick on NHS blue.

    .venv/bin/python scripts/make_icon.py

Writes assets/gp-cyber-wizard.png (the window icon) and assets/gp-cyber-wizard.ico
(the Windows executables' icon, every size Explorer asks for). Run it again
only to change the design; the outputs are committed.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ASSETS = Path(__file__).resolve().parent.parent / "assets"
NHS_BLUE = (0, 94, 184, 255)
WHITE = (255, 255, 255, 255)
SIZE = 1024  # drawn large, then scaled down smoothly


def draw() -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((32, 32, SIZE - 32, SIZE - 32), radius=180, fill=NHS_BLUE)
    shield = [(512, 170), (800, 270), (780, 560), (512, 860), (244, 560), (224, 270)]
    pen.polygon(shield, fill=WHITE)
    pen.line([(370, 520), (480, 630), (670, 410)], fill=NHS_BLUE, width=78, joint="curve")
    return image


def main() -> None:
    image = draw()
    image.resize((256, 256), Image.Resampling.LANCZOS).save(ASSETS / "gp-cyber-wizard.png")
    image.save(ASSETS / "gp-cyber-wizard.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])


if __name__ == "__main__":
    main()
