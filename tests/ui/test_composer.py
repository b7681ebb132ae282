"""The composer as a person uses it: type, watch the counters and problems, fix, attach, publish."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel, QPushButton

from publisher.domain.brand import BrandProfile
from ui.main_window import MainWindow


def _feed(window: MainWindow, tmp_path: Path, name: str = "Blog") -> Path:
    folder = tmp_path / name.lower()
    folder.mkdir()
    window.services.channels.add("feed", name=name, path=str(folder))
    window.refresh_all()
    return folder


def _texts(widget: Any) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)]


def test_counters_follow_typing_per_network(qtbot: Any, window: MainWindow) -> None:
    compose = window.compose
    compose.set_preview_kinds(["x", "bluesky", "mastodon"])
    qtbot.keyClicks(compose.editor, "Hello world")
    compose.update_panels()
    assert compose.panel("X").counter.text() == "11 / 280"
    assert compose.panel("Bluesky").counter.text() == "11 / 300"
    assert compose.panel("Mastodon").counter.text() == "11 / 500"
    compose.editor.setPlainText("A link https://www.example.org/a/very/long/path/that/is/long counts as 23")
    compose.update_panels()
    result = compose.result("Mastodon")
    assert result.length == len("A link ") + 23 + len(" counts as 23")


def test_too_long_for_x_is_an_error_with_the_thread_advice(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    _feed(window, tmp_path)
    compose = window.compose
    compose.set_preview_kinds(["x"])
    compose.editor.setPlainText("Word " * 80)
    compose.update_panels()
    panel = compose.panel("X")
    assert panel.counter.text().startswith("399 / 280")
    assert "2 posts as a thread" in panel.counter.text()
    assert any(p.code == "text.too_long" for p in compose.result("X").problems)
    assert not compose.result("X").ok
    # X is only previewed (no X channel chosen), so the feed post may still go out
    compose.publish_button.click()
    assert window.services.posts.count() == 1


def test_brand_problems_show_and_fix_buttons_mend_the_text(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    _feed(window, tmp_path)
    window.services.brands.save(
        BrandProfile(name="ACME", banned_words=("cheap",), required=("#Anzeige",), signatures={"*": "— ACME Press"})
    )
    window.refresh_all()
    compose = window.compose
    assert compose.brand_combo.currentText() == "ACME"  # the first profile is the default
    qtbot.keyClicks(compose.editor, "A cheap offer for you")
    compose.update_panels()
    codes = {p.code for p in compose.result("Blog").problems}
    assert {"brand.banned_word", "brand.required_missing", "brand.signature_missing"} <= codes
    compose.publish_button.click()
    assert "block publishing" in compose.message.text()
    assert window.services.posts.count() == 0  # an error blocks publishing
    for label in ("Remove", "Add it", "Add signature"):
        button = next(b for b in compose.panel("Blog").findChildren(QPushButton) if b.text() == label)
        button.click()
    text = compose.editor.toPlainText()
    assert "cheap" not in text and "#Anzeige" in text and "— ACME Press" in text
    assert compose.result("Blog").ok
    compose.publish_button.click()
    assert window.services.posts.count() == 1


def test_a_variant_tab_gives_one_channel_its_own_text(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    blog = _feed(window, tmp_path, "Blog")
    _feed(window, tmp_path, "Press")
    compose = window.compose
    for row in range(compose.channel_model.rowCount()):
        compose.channel_model.item(row).setCheckState(compose.channel_model.item(row).checkState().Checked)
    qtbot.keyClicks(compose.editor, "Shared text")
    variant = compose.open_variant("Press")
    assert compose.editor_tabs.count() == 2 and variant.toPlainText() == "Shared text"
    variant.setPlainText("Only for the press")
    compose.update_panels()
    assert compose.result("Press").rendered.parts[0].text.strip() == "Only for the press"
    assert compose.result("Blog").rendered.parts[0].text.strip() == "Shared text"
    compose.publish_button.click()
    assert compose.editor_tabs.count() == 1  # saved: the variant tab is closed with the draft
    window.services.engine().run_once()
    assert "Shared text" in next(blog.glob("*.md")).read_text(encoding="utf-8")
    press = next((tmp_path / "press").glob("*.md")).read_text(encoding="utf-8")
    assert "Only for the press" in press and "Shared text" not in press


def test_an_image_needs_alt_text_before_it_goes_out(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    _feed(window, tmp_path)
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    photo = tmp_path / "photo.png"
    image.save(str(photo))
    compose = window.compose
    qtbot.keyClicks(compose.editor, "With a picture")
    compose.media.add_files([photo])
    assert len(compose.media.attachments()) == 1
    compose.update_panels()
    assert any(p.code == "media.alt_missing" for p in compose.result("Blog").problems)
    compose.publish_button.click()
    assert window.services.posts.count() == 0
    compose.media.set_alt(0, "A blue square")
    compose.update_panels()
    assert compose.result("Blog").ok
    compose.publish_button.click()
    detail = window.services.posts.get(1)
    assert [m.alt_text for m in detail.media] == ["A blue square"]


def test_a_file_that_is_not_an_image_is_refused_with_a_message(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    fake = tmp_path / "notes.png"
    fake.write_text("not an image at all", encoding="utf-8")
    window.compose.media.add_files([fake])
    assert window.compose.media.attachments() == []
    assert "not an image" in window.compose.media.message.text()


def test_brand_view_saves_a_profile_and_refuses_an_incomplete_one(qtbot: Any, window: MainWindow) -> None:
    window.show_view("brand")
    view = window.brand
    view.new_profile()
    view.name_edit.setText("Press office")
    view.banned_edit.setPlainText("cheap\nunbeatable")
    view.required_edit.setPlainText("#Anzeige")
    view.utm_edits["source"].setText("{kind}")
    view.save()
    assert "medium" in view.message.text()  # UTM needs source, medium and campaign
    assert window.services.brands.all() == []
    view.utm_edits["medium"].setText("social")
    view.utm_edits["campaign"].setText("{campaign}")
    view.save()
    saved = window.services.brands.get("Press office")
    assert saved.banned_words == ("cheap", "unbeatable")
    assert saved.required == ("#Anzeige",)
    assert saved.utm["medium"] == "social"
    assert view.model.rowCount() == 1


def test_a_megabyte_draft_is_refused_without_freezing(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    _feed(window, tmp_path)
    compose = window.compose
    compose.set_preview_kinds(["x", "bluesky"])
    compose.editor.setPlainText("word " * 220_000)  # 1.1 MB
    compose.update_panels()
    assert "too long to check as you type" in compose.message.text()
    compose.publish_button.click()
    assert "longer than 100000 characters" in compose.message.text()
    assert window.services.posts.count() == 0
