"""Brand profiles as the Brand view and the CLI use them: saved, read back, updated by name, removed, one default;
every change in the audit log; and a refusal changes nothing."""

from __future__ import annotations

import pytest
from PIL import Image
from sqlalchemy import func, select

from publisher.db.models import AuditEntry, Brand, Post
from publisher.domain.brand import BrandProfile, ImageFrame
from publisher.errors import InputError, NotFound


def audit_log(services) -> list[tuple[str, str, int | None, dict]]:
    with services.db.session() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.entity == "brand").order_by(AuditEntry.id))
        return [(r.action, r.actor, r.entity_id, r.detail) for r in rows]


def brand_rows(services) -> list[tuple[str, bool, dict]]:
    with services.db.session() as s:
        return [(r.name, r.is_default, r.settings) for r in s.scalars(select(Brand).order_by(Brand.id))]


def acme(**settings) -> BrandProfile:
    return BrandProfile(name="ACME", signatures={"*": "— ACME"}, banned_words=("billig",), **settings)


def test_profiles_are_saved_and_read_back(services):
    saved = services.brands.save(acme(required=("#Anzeige",)))
    assert saved == acme(required=("#Anzeige",))
    assert services.brands.get("ACME") == saved
    assert services.brands.all() == [saved]
    [(name, is_default, settings)] = brand_rows(services)
    assert (name, is_default) == ("ACME", True)  # the first profile becomes the default
    assert settings == saved.to_json()


def test_saving_by_the_same_name_updates_in_place(services, clock):
    first = services.brands.save(acme())
    with services.db.session() as s:
        row_id = s.scalar(select(Brand.id))
    changed = BrandProfile.from_json({**first.to_json(), "max_exclamations": 1})
    services.brands.save(changed)
    assert services.brands.get("ACME").max_exclamations == 1
    with services.db.session() as s:
        assert s.scalar(select(func.count(Brand.id))) == 1
        assert s.scalar(select(Brand.id)) == row_id
    assert [a[0] for a in audit_log(services)] == ["brand.created", "brand.updated"]


def test_profiles_are_listed_by_name(services):
    for name in ("zeta", "Alpha", "beta"):
        services.brands.save(BrandProfile(name=name))
    assert [p.name for p in services.brands.all()] == ["Alpha", "beta", "zeta"]


def test_the_default_profile(services):
    assert services.brands.default() is None
    assert services.brands.default_name() is None
    services.brands.save(BrandProfile(name="ACME"))
    services.brands.save(BrandProfile(name="ACME Jobs"))
    assert services.brands.default().name == "ACME"

    services.brands.set_default("ACME Jobs")
    assert services.brands.default().name == "ACME Jobs"
    assert [r[1] for r in brand_rows(services)] == [False, True]

    brands = services.brands.all()
    assert services.brands.default_name(brands) == "ACME Jobs"
    assert services.brands.default_name([BrandProfile(name="Other")]) is None

    services.brands.set_default(None)
    assert services.brands.default() is None
    assert services.brands.default_name() is None
    with pytest.raises(NotFound) as caught:
        services.brands.set_default("Nope")
    assert caught.value.code == "brand.not_found"


def test_removing_the_default_leaves_no_default(services):
    services.brands.save(BrandProfile(name="ACME"))
    services.brands.save(BrandProfile(name="Other"))
    removed = services.brands.remove("ACME")
    assert removed.name == "ACME"
    assert services.brands.default() is None
    assert [p.name for p in services.brands.all()] == ["Other"]
    with pytest.raises(NotFound):
        services.brands.get("ACME")
    with pytest.raises(NotFound):
        services.brands.remove("ACME")


def test_every_change_is_audited(services):
    services.brands.save(acme())
    services.brands.save(acme(max_exclamations=2))
    services.brands.save(BrandProfile(name="Jobs"))
    services.brands.set_default("Jobs")
    services.brands.remove("ACME")
    log = audit_log(services)
    assert [(action, actor) for action, actor, _, _ in log] == [
        ("brand.created", "tester"),
        ("brand.updated", "tester"),
        ("brand.created", "tester"),
        ("brand.default_set", "tester"),
        ("brand.removed", "tester"),
    ]
    assert log[0][3] == {"name": "ACME", "is_default": True}
    assert log[3][3] == {"name": "Jobs", "previous": "ACME"}
    assert log[4][3] == {"name": "ACME", "was_default": False}
    assert all(entity_id is not None for _, _, entity_id, _ in log)


@pytest.mark.parametrize(
    "bad",
    [
        lambda tmp: BrandProfile(name="ACME", frame=ImageFrame(watermark_image=str(tmp / "gone.png"))),
        lambda tmp: BrandProfile(name="ACME", frame=ImageFrame(watermark_image=str(tmp / "notes.png"))),
        lambda tmp: {"name": "ACME"},  # not a profile at all
    ],
    ids=["watermark-missing", "watermark-not-an-image", "not-a-profile"],
)
def test_a_refused_save_changes_nothing(services, tmp_path, bad):
    (tmp_path / "notes.png").write_text("just text")
    services.brands.save(acme())
    before = (brand_rows(services), audit_log(services))
    with pytest.raises(InputError) as caught:
        services.brands.save(bad(tmp_path))
    assert caught.value.code in ("brand.watermark_missing", "brand.watermark_not_image", "brand.bad_json")
    assert (brand_rows(services), audit_log(services)) == before


def test_a_watermark_image_that_exists_is_accepted(services, tmp_path):
    logo = tmp_path / "logo.png"
    Image.new("RGBA", (10, 10), (255, 255, 255, 128)).save(logo)
    saved = services.brands.save(BrandProfile(name="ACME", frame=ImageFrame(watermark_image=str(logo))))
    assert saved.frame is not None and saved.frame.watermark_image == str(logo)


def test_profiles_survive_a_restart(make_services):
    first = make_services()
    first.brands.save(acme(emoji="forbid"))
    first.close()
    again = make_services()
    assert again.brands.get("ACME") == acme(emoji="forbid")
    assert again.brands.default_name() is None  # nothing read yet
    again.brands.default()
    assert again.brands.default_name() == "ACME"


def test_removing_a_profile_unlinks_its_posts(services, feed_dir):
    services.channels.add("feed", name="Blog", path=str(feed_dir))
    services.brands.save(BrandProfile(name="ACME"))
    post = services.posts.create("Hello", channels=["Blog"], brand="ACME")
    assert post.brand == "ACME"
    assert post.to_json()["brand"] == "ACME"
    services.brands.remove("ACME")
    assert services.posts.get(post.id).brand is None
    with services.db.session() as s:
        assert s.scalar(select(Post.body)) == "Hello"


def test_an_unknown_brand_for_a_post_is_refused_and_nothing_is_written(services, feed_dir):
    services.channels.add("feed", name="Blog", path=str(feed_dir))
    with pytest.raises(NotFound) as caught:
        services.posts.create("Hello", channels=["Blog"], brand="Nope")
    assert caught.value.code == "brand.not_found"
    assert caught.value.params == {"name": "Nope"}
    assert services.posts.count() == 0


def test_a_brand_error_blocks_scheduling_and_a_warning_does_not(services, feed_dir):
    services.channels.add("feed", name="Blog", path=str(feed_dir))
    services.brands.save(
        BrandProfile(name="ACME", banned_words=("billig",), required=("#Anzeige",), signatures={"*": "— ACME"})
    )
    with pytest.raises(InputError) as caught:
        services.posts.create("Billig kaufen #Anzeige", channels=["Blog"], brand="ACME")
    assert caught.value.code == "brand.banned_word"
    assert caught.value.params == {"word": "Billig", "channel": "Blog"}
    assert str(caught.value) == "'Billig' is on the brand's list of banned words. Remove or replace it."
    with pytest.raises(InputError) as caught:
        services.posts.create("Gut kaufen", channels=["Blog"], brand="ACME")
    assert caught.value.code == "brand.required_missing"
    assert services.posts.count() == 0

    post = services.posts.create("Gut kaufen #Anzeige", channels=["Blog"], brand="ACME")  # signature: a warning
    assert post.brand == "ACME"


def test_a_variant_is_brand_checked_for_its_own_channel(services, tmp_path):
    for name in ("Blog", "News"):
        (tmp_path / name).mkdir()
        services.channels.add("feed", name=name, path=str(tmp_path / name))
    services.brands.save(BrandProfile(name="ACME", banned_words=("billig",)))
    with pytest.raises(InputError) as caught:
        services.posts.create("Gut", channels=["Blog", "News"], variants={"News": "Billig!"}, brand="ACME")
    assert caught.value.params["channel"] == "News"
    post = services.posts.create("Gut", channels=["Blog", "News"], variants={"News": "Auch gut"}, brand="ACME")
    assert post.brand == "ACME"


def test_the_brand_service_is_wired_in(services):
    from publisher.services import BrandService

    assert isinstance(services.brands, BrandService)
