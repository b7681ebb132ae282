"""Every visible string has a German translation, and the compiled catalogues match their sources."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from publisher.services import Services
from ui.app import install_translators
from ui.engine_runner import EngineRunner
from ui.main_window import VIEW_KEYS, MainWindow
from ui.resources import resources_dir
from ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[2]
I18N = resources_dir() / "i18n"
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    path = BIN / name
    return str(path) if path.exists() else (shutil.which(name) or name)


def _ui_sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def _messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


@pytest.fixture(scope="module")
def fresh_de_ts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed German catalogue updated with the strings the code has now (lupdate keeps translations)."""
    target = tmp_path_factory.mktemp("i18n") / "publisher_de.ts"
    shutil.copy(I18N / "publisher_de.ts", target)
    subprocess.run(
        [_tool("pyside6-lupdate"), *_ui_sources(), "-no-obsolete", "-ts", str(target)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return target


def test_every_visible_string_has_a_german_translation(fresh_de_ts: Path) -> None:
    missing = []
    for message in _messages(fresh_de_ts):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(f.strip() for f in forms):
            missing.append(source)
    assert not missing, f"{len(missing)} string(s) without German translation, e.g. {missing[:5]}"


def test_placeholders_survive_translation(fresh_de_ts: Path) -> None:
    import re

    pattern = re.compile(r"%\d|%n|\{\w+\}")
    for message in _messages(fresh_de_ts):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
        for form in forms:
            assert sorted(set(pattern.findall(source))) == sorted(set(pattern.findall(form))), (source, form)


@pytest.mark.parametrize("language", ["de", "en"])
def test_compiled_catalogues_are_up_to_date(language: str, tmp_path: Path) -> None:
    out = tmp_path / f"publisher_{language}.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(I18N / f"publisher_{language}.ts"), "-qm", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == (I18N / f"publisher_{language}.qm").read_bytes(), (
        f"publisher_{language}.qm is stale: run pyside6-lrelease"
    )


def test_english_plurals_read_naturally(services: Services, qtbot: Any, english: None) -> None:
    tasks = TaskRunner(inline=True)
    window = MainWindow(tasks, services=services, engine=EngineRunner(services, tasks))
    qtbot.addWidget(window)
    qtbot.keyClicks(window.compose.editor, "One")
    assert window.compose.counter.text() == "3 characters · 1 word"


def test_german_window_is_german_and_nothing_is_clipped(services: Services, qtbot: Any, qapp: QApplication) -> None:
    translators = install_translators(I18N, "de")
    try:
        tasks = TaskRunner(inline=True)
        window = MainWindow(tasks, services=services, engine=EngineRunner(services, tasks))
        qtbot.addWidget(window)
        window.resize(1180, 760)
        window.show()
        window.refresh_all()
        labels = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
        assert "Verfassen" in labels and "Einstellungen" in labels
        for i in range(window.sidebar.count()):
            text_width = window.sidebar.fontMetrics().horizontalAdvance(labels[i])
            assert text_width + 20 + 8 < window.sidebar.width(), labels[i]
        for key in VIEW_KEYS:
            window.show_view(key)
            qapp.processEvents()
            page = window.stack.currentWidget()
            for button in page.findChildren(QAbstractButton):
                if button.isVisible() and button.text():
                    assert button.width() >= button.minimumSizeHint().width(), (key, button.text())
            for label in page.findChildren(QLabel):
                if label.isVisible() and label.text() and not label.wordWrap():
                    assert label.width() >= label.minimumSizeHint().width(), (key, label.text())
    finally:
        for t in translators:
            QApplication.removeTranslator(t)  # type: ignore[arg-type]


def test_every_draft_problem_code_has_a_translatable_text() -> None:
    from publisher.channels.bluesky_messages import BLUESKY_MESSAGES
    from publisher.channels.matrix_messages import MATRIX_MESSAGES
    from publisher.channels.messages import CHANNEL_MESSAGES
    from publisher.channels.social_messages import SOCIAL_MESSAGES
    from publisher.channels.wordpress_messages import WORDPRESS_MESSAGES
    from publisher.domain._brand_messages import BRAND_MESSAGES
    from publisher.domain._media_messages import MEDIA_MESSAGES
    from publisher.text.messages import TEXT_MESSAGES
    from ui.problem_texts import problem_templates

    templates = problem_templates()
    for source in (
        TEXT_MESSAGES,
        BRAND_MESSAGES,
        MEDIA_MESSAGES,
        CHANNEL_MESSAGES,
        MATRIX_MESSAGES,
        BLUESKY_MESSAGES,
        SOCIAL_MESSAGES,
        WORDPRESS_MESSAGES,
    ):
        missing = sorted(set(source) - set(templates))
        assert not missing, f"no UI text for {missing}: regenerate ui/problem_texts.py"
        changed = sorted(code for code, text in source.items() if templates[code] != text)
        assert not changed, f"UI text differs from the core's for {changed}"
