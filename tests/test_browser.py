"""Does lesson 02 work in real JupyterLab, seen in a real browser?

Starts JupyterLab on a free loopback port with a token, opens a copy of the
Korean lesson 02 master in headless Chromium (Debian's ``/usr/bin/chromium``,
driven by playwright; no browser is ever downloaded), runs all cells in quick
mode, drags a slider of the latent explorer and checks that the decoded image
on the page changes. It also checks that no cell shows an error, that the live
training view came up as widgets, and that Hangul is drawn with real glyphs:

- in the page: Chromium's DevTools reports which platform fonts rendered the
  text of a Korean heading and of a widget; the Hangul characters must have
  come from a font that covers Korean (per fontconfig), not from a fallback
  that would draw empty boxes;
- in the figures: matplotlib warns "Glyph ... missing from font(s)" whenever
  it draws a character as a box. No lesson output may carry that warning,
  and a control cell appended to the copy, which draws Hangul with a
  Latin-only font on purpose, must carry it (so the check can fail).

Screenshots go to ``$GENCOURSE_SCREENSHOTS`` (or the test's temporary folder).
Without Chromium or playwright the test is skipped, with the reason.
"""

from __future__ import annotations

import io
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
LESSON = ROOT / "solutions" / "ko" / "02_vae.ipynb"
CHROMIUM = Path(os.environ.get("GENCOURSE_CHROMIUM", "/usr/bin/chromium"))
# Flags for a closed network and a container: nothing phones home, no sandbox, no GPU.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
# What matplotlib says when it draws a character as a box: text, and mathtext.
MISSING_GLYPH = ("missing from font", "does not have a glyph")
CONTROL_CELL = (
    "# The browser test's control: Hangul drawn with a Latin-only font must be reported.\n"
    "import matplotlib.pyplot as plt\n"
    "_fig, _ax = plt.subplots()\n"
    '_ax.set_title("한글 제목", fontfamily="DejaVu Sans")\n'
    "_fig.canvas.draw()\n"
    "plt.close(_fig)"
)
# Families that cover Hangul, when fontconfig's fc-list cannot be asked.
KNOWN_KOREAN_FONTS = ("Nanum", "Noto Sans CJK", "Noto Serif CJK", "UnDotum", "UnBatang", "Baekmuk")


def _why_no_browser() -> str | None:
    if not CHROMIUM.exists():
        return (
            f"{CHROMIUM} is missing; install Debian's browser with "
            "`apt-get install chromium fonts-nanum` (.ci/run does)"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is missing; install the dev extras: pip install -e .[dev]"
    return None


# The reason shows in pytest's summary (-ra), where .ci/run finds and repeats it.
REASON = _why_no_browser()
needs_browser = pytest.mark.skipif(REASON is not None, reason=f"browser test skipped: {REASON}")


# --- JupyterLab ------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _write_settings(folder: Path) -> None:
    """JupyterLab user settings: every cell in the DOM, no news or update checks."""
    settings = {
        "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
        "@jupyterlab/apputils-extension/notification": {
            "fetchNews": "false",
            "checkForUpdates": False,
        },
    }
    for plugin, values in settings.items():
        path = folder / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")


class Lab:
    """A JupyterLab server on 127.0.0.1 with a token; :meth:`stop` ends it and its kernels."""

    def __init__(self, folder: Path):
        self.folder, self.port, self.token = folder, _free_port(), secrets.token_hex(16)
        home = folder / "jupyter"
        _write_settings(home / "settings")
        env = {
            **os.environ,
            "GENCOURSE_QUICK": "1",
            "JUPYTER_CONFIG_DIR": str(home / "config"),
            "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
            "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
            "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
            "IPYTHONDIR": str(home / "ipython"),
        }
        env.pop("GENCOURSE_LIVE", None)  # the lesson must find the front end by itself
        # conftest sets MPLBACKEND=Agg for nbval; in JupyterLab the figures must be shown
        # (the inline backend), or no figure would be drawn nor checked for Hangul.
        env.pop("MPLBACKEND", None)
        self.log_path = folder / "jupyterlab.log"
        self.log = open(self.log_path, "wb")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "jupyter",
                "lab",
                "--no-browser",
                "--ip=127.0.0.1",
                f"--port={self.port}",
                "--ServerApp.port_retries=0",
                f"--IdentityProvider.token={self.token}",
                f"--ServerApp.root_dir={folder}",
                "--LabApp.expose_app_in_browser=True",
                "--allow-root",
            ],
            cwd=folder,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.kernels: list[int] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def api(self, path: str, method: str = "GET"):
        request = urllib.request.Request(
            f"{self.url}{path}", method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def wait_ready(self, seconds: float = 90) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited early:\n{self.tail()}")
            try:
                self.api("/api/status")
                return
            except OSError:
                time.sleep(0.5)
        raise TimeoutError(f"JupyterLab did not answer in {seconds} s:\n{self.tail()}")

    def remember_kernels(self) -> None:
        """Notes the server's child processes (kernels), to end them by id if they outlive it."""
        import psutil

        try:
            self.kernels = [p.pid for p in psutil.Process(self.process.pid).children(True)]
        except psutil.Error:
            pass

    def tail(self) -> str:
        self.log.flush()
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-4000:]

    def stop(self) -> None:
        import psutil

        self.remember_kernels()
        try:
            for kernel in self.api("/api/kernels") or []:
                self.api(f"/api/kernels/{kernel['id']}", method="DELETE")
        except OSError:
            pass
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        for pid in self.kernels:
            try:
                psutil.Process(pid).kill()
            except psutil.Error:
                pass
        self.log.close()


#: Seconds after which the browser test stops everything it started: a normal run takes one
#: to three minutes; some Playwright calls (closing a context, a DevTools command) have no
#: time limit of their own, and a hang there would otherwise hang the whole test run.
BROWSER_LIMIT = float(os.environ.get("GENCOURSE_BROWSER_LIMIT", "900"))


class _Watchdog:
    """After ``seconds``, kills this process's Playwright driver and browsers and the Lab."""

    def __init__(self, lab: Lab, seconds: float):
        import threading

        self.lab, self.fired = lab, False
        self.timer = threading.Timer(seconds, self._fire)
        self.timer.daemon = True
        self.timer.start()

    def _fire(self) -> None:
        import psutil

        self.fired = True
        print(f"[browser test] still running after {BROWSER_LIMIT} s: stopping it", file=sys.stderr)
        for child in psutil.Process().children(recursive=True):
            try:
                if child.pid != self.lab.process.pid:
                    child.kill()  # the Playwright driver (node) and Chromium's processes
            except psutil.Error:
                pass
        try:
            os.killpg(self.lab.process.pid, signal.SIGKILL)  # the Lab and its kernels
        except OSError:
            pass

    def cancel(self) -> None:
        self.timer.cancel()


# --- what the page shows -----------------------------------------------------------------

ALL_DONE = """() => {
  const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  if (!panel || !panel.content || !panel.sessionContext) return false;
  const cells = panel.content.widgets.filter(c => c.model.type === 'code');
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  const busy = cells.some(c => (c.node.querySelector('.jp-InputPrompt') || {}).textContent
                               && c.node.querySelector('.jp-InputPrompt').textContent.includes('*'));
  const errored = cells.some(c => c.model.outputs.toJSON().some(o => o.output_type === 'error'));
  const last = cells[cells.length - 1].model.executionCount;
  return kernel && kernel.status === 'idle' && !busy && (last !== null || errored);
}"""

OUTPUTS = """() => window.jupyterapp.shell.currentWidget.content.widgets
  .filter(c => c.model.type === 'code')
  .map(c => ({source: c.model.sharedModel.getSource(), outputs: c.model.outputs.toJSON()}))"""


def _output_text(output: dict) -> str:
    if output.get("output_type") == "error":
        return f"{output.get('ename')}: {output.get('evalue')}"
    text = output.get("text") or output.get("data", {}).get("text/plain", "")
    return "".join(text) if isinstance(text, list) else str(text)


def _korean_fonts() -> set[str]:
    """Family names that cover Korean, as fontconfig (which Chromium uses on Linux) says."""
    try:
        listing = subprocess.run(
            ["fc-list", ":lang=ko", "family"], capture_output=True, text=True, timeout=30
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return set()
    return {name.strip() for line in listing.splitlines() for name in line.split(",")}


def _hangul_count(text: str) -> int:
    return sum("\uac00" <= ch <= "\ud7a3" for ch in text)


def _platform_fonts(page, cdp, selector: str) -> tuple[str, list[dict]]:
    """The text of the first element matching ``selector`` and the platform fonts that drew it."""
    page.locator(selector).first.scroll_into_view_if_needed()
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node, f"nothing on the page matches {selector}"
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return page.locator(selector).first.inner_text(), fonts


def _assert_hangul_rendered(page, cdp, selector: str, korean: set[str]) -> str:
    text, fonts = _platform_fonts(page, cdp, selector)
    hangul = _hangul_count(text)
    assert hangul, f"{selector} holds no Hangul: {text!r}"

    def covers_korean(family: str) -> bool:
        return family in korean or any(family.startswith(k) for k in KNOWN_KOREAN_FONTS)

    glyphs = sum(f["glyphCount"] for f in fonts if covers_korean(f["familyName"]))
    assert glyphs >= hangul, (
        f"The Hangul of {selector} ({text[:40]!r}, {hangul} syllables) was drawn with {fonts}, "
        f"not with a font that covers Korean ({sorted(korean)[:6]}...): install one, e.g. "
        "`apt-get install fonts-nanum`"
    )
    return f"{selector}: {hangul} Hangul syllables drawn with {fonts}"


def _picture(png: bytes):
    import numpy as np
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def _drag_slider(page, slider, dx: float) -> None:
    """Drags a slider's handle sideways with the mouse, as a learner would."""
    handle = slider.locator(".noUi-handle").first
    box = handle.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    for step in range(1, 11):
        page.mouse.move(x + dx * step / 10, y)
    page.mouse.up()


@needs_browser
def test_does_lesson_02_run_in_jupyterlab_and_its_latent_explorer_respond(tmp_path):
    from playwright.sync_api import sync_playwright

    shots = Path(os.environ.get("GENCOURSE_SCREENSHOTS") or tmp_path / "screenshots")
    shots.mkdir(parents=True, exist_ok=True)
    work = tmp_path / "lab"
    work.mkdir()
    nb = nbformat.read(LESSON, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(CONTROL_CELL))
    nbformat.write(nb, work / LESSON.name)
    korean = _korean_fonts()
    notes = []

    lab = Lab(work)
    started = time.monotonic()
    watchdog = _Watchdog(lab, BROWSER_LIMIT)
    try:
        lab.wait_ready()
        with sync_playwright() as p:
            context = p.chromium.launch_persistent_context(
                str(tmp_path / "chromium-profile"),  # a fresh --user-data-dir
                executable_path=str(CHROMIUM),
                headless=True,
                args=CHROMIUM_FLAGS,
                viewport={"width": 1400, "height": 1000},
            )
            try:
                page = context.new_page()
                page_errors = []
                page.on("pageerror", lambda error: page_errors.append(str(error)))
                page.goto(f"{lab.url}/lab/tree/{LESSON.name}?token={lab.token}")
                page.wait_for_function(
                    "() => { const p = window.jupyterapp && window.jupyterapp.shell.currentWidget;"
                    " return p && p.sessionContext && p.sessionContext.session &&"
                    " p.sessionContext.session.kernel &&"
                    " p.sessionContext.session.kernel.status === 'idle'; }",
                    timeout=90_000,
                )
                page.screenshot(path=shots / "01_opened.png")
                page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
                page.wait_for_function(ALL_DONE, timeout=240_000, polling=1000)
                lab.remember_kernels()
                ran = time.monotonic() - started
                cells = page.evaluate(OUTPUTS)

                # No cell shows an error; only the control cell reports a missing glyph.
                errors = [
                    (c["source"][:60], _output_text(o))
                    for c in cells
                    for o in c["outputs"]
                    if o.get("output_type") == "error"
                ]
                assert errors == [], f"cells failed in JupyterLab: {errors}"
                body = page.inner_text("body")
                for bad in ("Error displaying widget", "Traceback (most recent call last)"):
                    assert bad not in body, f"the page shows {bad!r}"
                glyph_warnings = [
                    c["source"][:60]
                    for c in cells
                    if any(m in _output_text(o) for o in c["outputs"] for m in MISSING_GLYPH)
                ]
                assert glyph_warnings == [CONTROL_CELL[:60]], (
                    "Hangul in figures: matplotlib must report the control cell's missing "
                    f"glyphs and nothing else; it reported them for {glyph_warnings}"
                )

                # Hangul in the page: real glyphs, from a font that covers Korean.
                cdp = context.new_cdp_session(page)
                cdp.send("DOM.enable")
                cdp.send("CSS.enable")
                notes.append(_assert_hangul_rendered(page, cdp, ".jp-MarkdownOutput h1", korean))
                heading = page.locator(".jp-MarkdownOutput h1").first
                heading.screenshot(path=shots / "02_hangul_heading.png")

                # The live training view came up as widgets, and finished.
                live = page.locator(".gencourse-live-training").first
                live.scroll_into_view_if_needed()
                assert "훈련 끝" in live.inner_text(), live.inner_text()
                live.screenshot(path=shots / "03_live_training.png")

                # The figures were drawn (so their glyphs were checked above); the first
                # one, real digits, has a Korean title.
                figures = page.locator(".jp-RenderedImage img").count()
                assert figures >= 5, f"only {figures} figures are shown on the page"
                notes.append(f"{figures} matplotlib figures shown, none with a missing glyph")
                figure = page.locator(".jp-RenderedImage img").first
                figure.scroll_into_view_if_needed()
                figure.screenshot(path=shots / "04_figure_with_hangul_title.png")

                # The latent explorer: drag the z[0] slider and watch the image change.
                explorer = page.locator(".gencourse-latent-explorer").first
                explorer.scroll_into_view_if_needed()
                notes.append(
                    _assert_hangul_rendered(page, cdp, ".gencourse-latent-explorer b", korean)
                )
                decoded = explorer.locator("img.gencourse-decoded")
                latent_map = explorer.locator("img.gencourse-latent-map")
                readout = explorer.locator(".widget-readout").first
                before, map_before = (
                    _picture(decoded.screenshot()),
                    _picture(latent_map.screenshot()),
                )
                assert readout.inner_text().strip() == "0.00"
                explorer.screenshot(path=shots / "05_explorer_before.png")
                _drag_slider(page, explorer.locator(".widget-slider").first, 120)
                deadline = time.monotonic() + 30
                while time.monotonic() < deadline:
                    after = _picture(decoded.screenshot())
                    if after.shape != before.shape or (after != before).any():
                        break
                    page.wait_for_timeout(250)
                explorer.screenshot(path=shots / "06_explorer_after.png")
                page.screenshot(path=shots / "07_page_after.png")
                moved = readout.inner_text().strip()
                assert moved != "0.00", "the slider did not move"
                assert after.shape == before.shape and (after != before).any(), (
                    f"the decoded image did not change after the slider moved to z[0] = {moved}"
                )
                changed = float((abs(after - before).sum(axis=2) > 30).mean())
                assert (_picture(latent_map.screenshot()) != map_before).any(), (
                    "marker did not move"
                )
                notes.append(
                    f"slider z[0]: 0.00 -> {moved}; {changed:.1%} of the decoded image's "
                    "pixels changed by more than 10 grey levels"
                )
                notes.append(f"run all cells took {ran:.0f} s; page errors: {page_errors[:3]}")
            finally:
                context.close()
    except Exception:
        print(f"--- JupyterLab's log ---\n{lab.tail()}", file=sys.stderr)
        if watchdog.fired:
            raise AssertionError(
                f"the browser test ran past {BROWSER_LIMIT} s: the watchdog stopped Chromium, "
                "its driver and JupyterLab (a Playwright call without a time limit hung)"
            ) from None
        raise
    finally:
        watchdog.cancel()
        lab.stop()
    # Appended: the site's browser test (test_site_browser.py) writes its notes beside these.
    with open(shots / "notes.txt", "a", encoding="utf-8") as out:
        out.write("\n".join(notes) + "\n")
    print("\n[browser test] " + "\n[browser test] ".join(notes))
    print(f"[browser test] screenshots: {shots}")


def test_is_a_missing_chromium_reported_with_how_to_install_it(monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "CHROMIUM", Path("/nonexistent/chromium"))
    assert "apt-get install chromium" in _why_no_browser()
