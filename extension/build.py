"""Build the store packages: dist/nextlead-chrome-VERSION.zip and dist/nextlead-firefox-VERSION.zip.

This folder loads unpacked in both browsers as it is; each package drops what its browser
does not use (Chrome: background.scripts and the Firefox settings; Firefox: the service
worker and Chrome's "key"), so `web-ext lint` on the Firefox build has nothing to warn about.
Usage: python extension/build.py [OUT_DIR]   (`make ext` runs it, then lints).
"""

from __future__ import annotations

import json
import shutil
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHIPPED = ("manifest.json", "*.html", "*.js", "*.css", "content/*", "icons/*.png")


def shipped_files() -> list[Path]:
    files = {path for pattern in SHIPPED for path in HERE.glob(pattern) if path.is_file()}
    return sorted(files)


def manifest_for(browser: str) -> dict:
    manifest = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
    if browser == "chrome":
        manifest["background"].pop("scripts")
        manifest.pop("browser_specific_settings")
    else:
        manifest["background"].pop("service_worker")
        manifest.pop("key")
        manifest.pop("minimum_chrome_version")
    return manifest


def build(out: Path) -> list[Path]:
    """Write dist/<browser>/ (unpacked) and its zip for each browser; returns the zips."""
    version = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))["version"]
    zips = []
    for browser in ("chrome", "firefox"):
        folder = out / browser
        shutil.rmtree(folder, ignore_errors=True)
        for path in shipped_files():
            target = folder / path.relative_to(HERE)
            target.parent.mkdir(parents=True, exist_ok=True)
            if path.name == "manifest.json":
                target.write_text(json.dumps(manifest_for(browser), indent=2) + "\n")
            else:
                shutil.copyfile(path, target)
        archive = out / f"nextlead-{browser}-{version}.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    bundle.write(path, path.relative_to(folder).as_posix())
        zips.append(archive)
    return zips


if __name__ == "__main__":
    for made in build(Path(sys.argv[1] if len(sys.argv) > 1 else "dist").resolve()):
        print(made)
