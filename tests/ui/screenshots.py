"""Render every view of the demo workspace to PNG (offscreen), in English and German.

    python tests/ui/screenshots.py [OUTPUT_DIR]

The README's screenshot (resources/screenshots/main-window.png) is made by this script.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def render(out: Path, language: str) -> list[Path]:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from publisher.services import build_services
    from publisher.services.demo import seed_demo
    from ui.app import install_translators
    from ui.engine_runner import EngineRunner
    from ui.main_window import VIEW_KEYS, MainWindow
    from ui.resources import resources_dir
    from ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    for t in getattr(app, "_shot_translators", []):
        QCoreApplication.removeTranslator(t)
    app._shot_translators = install_translators(resources_dir() / "i18n", language)  # type: ignore[attr-defined]
    workdir = Path(tempfile.mkdtemp(prefix="publisher-shots-"))
    services = build_services(f"sqlite:///{workdir / 'demo.sqlite3'}")
    seed_demo(services, workdir / "feeds")
    tasks = TaskRunner(app, inline=True)
    engine = EngineRunner(services, tasks, app)
    window = MainWindow(tasks, services=services, engine=engine, demo=True)
    window.resize(1180, 760)
    window.show()
    engine.start()
    window.refresh_all()
    import time

    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not (engine.status and engine.status.running):
        app.processEvents()
        time.sleep(0.05)
    written = []
    _fill_composer(window, workdir)
    for key in VIEW_KEYS:
        window.show_view(key)
        if key == "posts":
            window.posts.table.selectRow(8)
        for _ in range(5):
            app.processEvents()
        path = out / f"{language}-{key}.png"
        window.grab().save(str(path))
        written.append(path)
    engine.stop()
    window.close()
    services.close()
    return written


SAMPLE_DRAFT = (
    "Our **open day** is on Saturday, 6 December, 10:00-16:00! 🎄\n\n"
    "- Guided tours of the new workshop every hour\n"
    "- Apprentices show their projects\n\n"
    "Programme and directions: https://www.example.org/open-day #OpenDay @press@social.example.org"
)


def _fill_composer(window: object, workdir: Path) -> None:
    """A realistic draft with an image and three network previews, so the composer screenshot shows its panels."""
    from PySide6.QtGui import QColor, QImage

    from ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    image = QImage(640, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("#2f6fb3"))
    photo = workdir / "workshop.png"
    image.save(str(photo))
    compose = window.compose
    compose.title_edit.setText("Open day in the workshop")
    compose.editor.setPlainText(SAMPLE_DRAFT)
    compose.media.add_files([photo])
    compose.media.set_alt(0, "Apprentices at a workbench restoring a bicycle")
    for row in range(compose.channel_model.rowCount()):
        item = compose.channel_model.item(row)
        if item.text() == "Company blog":
            item.setCheckState(item.checkState().Checked)
    compose.set_preview_kinds(["mastodon", "bluesky", "x"])
    compose.update_panels()


INBOX_SAMPLE = (
    ("s1", 2, "@acme Is the open day on Saturday wheelchair accessible?", "@lena@social.example", "Lena Hoffmann"),
    ("s2", 8, "Das Paket ist schon wieder nicht angekommen. Sehr enttäuscht!", "@kai@mastodon.example", "Kai Berger"),
    ("s3", 30, "Love the new workshop photos, great job team!", "@sam@bsky.example", "Sam Lee"),
    ("s4", 55, "When does the webinar start?", "@ida@social.example", "Ida Brandt"),
    ("s5", 120, "Danke für die schnelle Antwort!", "@jo@mastodon.example", "Jo Krause"),
)


def render_inbox(out: Path, language: str) -> Path:
    """The Inbox answering a message: a sample network's messages, a saved reply and the brand check at work."""
    from datetime import UTC, datetime, timedelta

    from PySide6.QtWidgets import QApplication

    from publisher.channels.registry import Registry
    from publisher.domain.brand import BrandProfile
    from publisher.services import build_services
    from tests.publisher.inbox_fake import FakeInboxKind
    from ui.tasks import TaskRunner
    from ui.views.inbox import InboxView

    app = QApplication.instance() or QApplication([])
    now = datetime.now(UTC)
    network = FakeInboxKind(page_size=50)
    for remote_id, minutes, text, author, name in INBOX_SAMPLE:
        network.add(remote_id, now - timedelta(minutes=minutes), text, author=author, author_name=name)
    workdir = Path(tempfile.mkdtemp(prefix="publisher-shots-inbox-"))
    services = build_services(f"sqlite:///{workdir / 'inbox.sqlite3'}", registry=Registry([network]))
    services.channels.add("fakeinbox", name="Mastodon")
    services.inbox.sync()
    services.saved_replies.add("Delivery", "Hi {first_name}, sorry about that! We are on it. — {me}")
    services.brands.save(BrandProfile(name="ACME", banned_words=("cheap",), max_exclamations=1))
    services.brands.set_default("ACME")
    view = InboxView(services, TaskRunner(app, inline=True))
    view.resize(1180, 700)
    view.show()
    view.refresh()
    view.table.selectRow(1)
    view.reply_box.setPlainText("Sorry Kai, that is not the cheap service we promise!! We will check it.")
    for _ in range(5):
        app.processEvents()
    path = out / f"{language}-inbox-answering.png"
    view.grab().save(str(path))
    view.close()
    services.close()
    return path


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="publisher-png-"))
    out.mkdir(parents=True, exist_ok=True)
    for language in ("en", "de"):
        for path in render(out, language):
            print(path)
        print(render_inbox(out, language))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
