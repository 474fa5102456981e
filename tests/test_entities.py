"""Entities: seeds (the issue's done-when), discovery on unknown names, offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.extract.common.context import ExtractContext
from tasks.extract.entities import extract_entities
from tasks.extract.entities.rules import discovered_id

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
TICKER = "آخر الأخبار"


def run(text: str, visible: str | None = None):
    ctx = ExtractContext.from_visible(text, text if visible is None else visible)
    return extract_entities(ctx)


def seed(i: int) -> tuple[list[dict], list[dict]]:
    text = SEEDS[i].read_text(encoding="utf-8")
    cut = text.find(TICKER)
    visible = text if cut < 0 else text[:cut] + "\n" * (len(text) - cut)
    return run(text, visible)


@pytest.fixture(scope="module")
def seeds():
    return [seed(i) for i in range(len(SEEDS))]


def ids(mentions: list[dict]) -> set[str]:
    return {m["entity_id"] for m in mentions}


def test_tokayev_is_one_entity_in_all_five(seeds):
    surfaces = set()
    for mentions, _ in seeds:
        toks = [m for m in mentions if m["entity_id"] == "per:kassym-jomart-tokayev"]
        assert toks
        surfaces |= {m["surface"] for m in toks}
    assert {"قاسم - جومارت توكاييف", "قاسم جومرت توكاييف", "توكايف", "توكاييف"} <= {
        s.replace("قاسم جومارت توكايف", "توكايف") for s in surfaces
    } | surfaces


def test_almaty_is_one_entity_whatever_the_spelling(seeds):
    surfaces = {m["surface"] for ms, _ in seeds for m in ms if m["entity_id"] == "loc:almaty"}
    assert {"ألماتي", "المااتا", "ألما آتا", "الماآتي", "الما آتي"} <= surfaces


@pytest.mark.parametrize(
    "eid,name_en",
    [
        ("per:vladimir-putin", "Vladimir Putin"),
        ("per:charles-michel", "Charles Michel"),
        ("per:wang-yi", "Wang Yi"),
        ("per:mukhtar-tleuberdi", "Mukhtar Tleuberdi"),
        ("per:berik-uali", "Berik Uali"),
        ("per:aibek-smadiyarov", "Aibek Smadiyarov"),
        ("per:oleg-syromolotov", "Oleg Syromolotov"),
    ],
)
def test_seed_people_found_with_english_names(seeds, eid, name_en):
    defs = {d["entity_id"]: d for _, ds in seeds for d in ds}
    assert defs[eid]["name_en"] == name_en
    assert defs[eid]["kind"] == "PERSON"


def test_smadiyarov_misspelt_in_000_is_linked(seeds):
    m = [m for m in seeds[0][0] if m["entity_id"] == "per:aibek-smadiyarov"]
    assert m and m[0]["surface"] == "أيبيك ساميايروف"


def test_short_mentions_are_aliases(seeds):
    assert {("يي", "per:wang-yi")} <= {(m["surface"], m["entity_id"]) for m in seeds[1][0]}
    assert ("أوالي", "per:berik-uali") in {(m["surface"], m["entity_id"]) for m in seeds[2][0]}


def test_csto_under_each_form(seeds):
    forms = {m["surface"] for ms, _ in seeds for m in ms if m["entity_id"] == "org:csto"}
    assert {
        "منظمة معاهدة الأمن الجماعي",
        "منظمة الوحدة العلمية",
        "معاهدة مؤتمر الأمن الجماعي",
    } <= forms


def test_nothing_from_the_ticker(seeds):
    found = ids(seeds[3][0])
    assert not found & {"per:benjamin-netanyahu", "loc:damascus", "per:geir-pedersen"}
    full = ids(run(SEEDS[3].read_text(encoding="utf-8"))[0])
    assert "loc:damascus" in full  # the blanking, not blindness, removed them


def test_ministries_with_country(seeds):
    assert "org:ministry-foreign-kz" in ids(seeds[0][0])
    assert "org:ministry-interior-kz" in ids(seeds[1][0]) & ids(seeds[4][0])
    assert "org:ministry-defence-ru" in ids(seeds[4][0])


def test_unknown_person_after_title_gets_stable_id_and_country():
    text = (
        "قال وزير الخارجية الموريتاني محمد سالم ولد مرزوك إن بلاده تدعم الحوار. "
        "وأضاف مرزوك أن نواكشوط منفتحة."
    )
    mentions, defs = run(text)
    person = [d for d in defs if d["kind"] == "PERSON"]
    assert len(person) == 1
    p = person[0]
    assert p["origin"] == "discovered" and p["country"] == "MR"
    assert p["name"] == "محمد سالم ولد مرزوك"
    assert p["entity_id"] == discovered_id("محمد سالم ولد مرزوك") == run(text)[1][0]["entity_id"]
    methods = {m["surface"]: m["method"] for m in mentions if m["kind"] == "PERSON"}
    assert methods == {"محمد سالم ولد مرزوك": "title", "مرزوك": "alias"}


def test_apposition_and_nisba_surname():
    text = "وقال وزير الخارجية البرازيلي، ماورو فييرا، إن بلاده ترفض العقوبات."
    mentions, defs = run(text)
    m = [m for m in mentions if m["kind"] == "PERSON"]
    assert [(x["surface"], x["method"]) for x in m] == [("ماورو فييرا", "apposition")]
    assert defs[0]["country"] == "BR" or any(d["country"] == "BR" for d in defs)
    mentions, _ = run("واستقبل رئيس الوزراء نوري كامل المالكي الوفد.")
    assert [x["surface"] for x in mentions] == ["نوري كامل المالكي"]


@pytest.mark.parametrize(
    "text",
    [
        "الرئيس الفرنسي يستقبل نظيره في باريس",
        "قال الرئيس في كلمة أمام البرلمان إن الوضع مستقر",
        "وأعلن رئيس الوزراء بعدها بيوم استقالة الحكومة",
        "وبحسب رئيس الدولة، فإن شخصيات أجنبية كانت من المحرضين",
        # words nearly always outside names in the tagger's training text are no name
        "وأجرى الرئيس اتصالا هاتفيا مع نظيره لبحث التطورات",
    ],
)
def test_no_person_from_title_without_a_name(text):
    mentions, _ = run(text)
    assert not [m for m in mentions if m["kind"] == "PERSON"]


def test_a_ministry_without_its_country_is_still_a_body():
    mentions, _ = run("وقالت وزارة الداخلية في بيان إن الوضع هادئ.")
    assert [(m["surface"], m["kind"]) for m in mentions] == [("وزارة الداخلية", "ORGANIZATION")]
    # ... unless a place after it says which ("وزارة الصحة في غزة"), as written by quotes
    mentions, _ = run("وقالت وزارة الصحة في غزة إن الحصيلة ارتفعت.")
    assert "وزارة الصحة" not in {m["surface"] for m in mentions}


def test_minister_title_is_not_the_ministry():
    mentions, _ = run("قالت وزيرة الخارجية الألمانية أنالينا بيربوك إن برلين قلقة.")
    assert not [m for m in mentions if m["entity_id"].startswith("org:ministry")]
    assert "أنالينا بيربوك" in {m["surface"] for m in mentions}
    mentions, _ = run("وقالت وزارة الدفاع التركية في بيان إن قواتها ردت.")
    assert [m["entity_id"] for m in mentions] == ["org:ministry-defence-tr"]


def test_proclitics_are_outside_the_surface():
    text = "وبالصين وللأمم المتحدة ولبنان وفي كازاخستان"
    mentions, _ = run(text)
    got = [(m["surface"], m["entity_id"]) for m in mentions]
    assert got == [
        ("الصين", "loc:china"),
        ("لأمم المتحدة", "org:un"),
        ("لبنان", "loc:lebanon"),
        ("كازاخستان", "loc:kazakhstan"),
    ]


def test_nisba_is_not_a_location_mention():
    mentions, _ = run("أكدت القوات الروسية والجانب الصيني التزامهما")
    assert not [m for m in mentions if m["kind"] == "LOCATION"]
    # a country's forces are a body (as "الجيش السوداني"), "الجانب الصيني" is not
    assert [(m["surface"], m["kind"]) for m in mentions] == [("القوات الروسية", "ORGANIZATION")]


def test_head_noun_makes_an_organisation_of_a_place():
    text = "وقالت جريدة فلسطين إن بلدية مدينة البيرة قررت، بحسب ما نقلت لـCNN الشرطة الفرنسية."
    mentions, _ = run(text)
    found = {(m["surface"], m["kind"]) for m in mentions}
    assert ("جريدة فلسطين", "ORGANIZATION") in found
    assert ("بلدية مدينة البيرة", "ORGANIZATION") in found
    assert ("CNN", "ORGANIZATION") in found
    assert ("الشرطة الفرنسية", "ORGANIZATION") in found
    assert not [m for m in mentions if m["kind"] == "LOCATION"]


def _eval_module():
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "scripts/eval_entities.py"
    spec = importlib.util.spec_from_file_location("eval_entities", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# Floors a little under the measured scores, so a regression of a few mentions fails
# while unrelated data edits do not. The rules alone, tuned on these very paragraphs,
# scored set 1: P 0.98 R 0.87, set 2: P 0.96 R 0.88. With the trained tagger (issue 14):
# set 1: P 0.90 R 0.85, set 2: P 0.91 R 0.88 (exact surfaces; most of the lost precision
# is span conventions: governorates the division lists name "محافظة إدلب" where this gold
# has "إدلب", "باريس سان جيرمان" read as a place), in exchange for relaxed F1 on unseen
# news 0.76 -> 0.84 (realnews held-out) and 0.62 -> 0.73 (ANERcorp held-out).
@pytest.mark.parametrize("which,p_min,r_min", [("1", 0.88, 0.8), ("2", 0.88, 0.8)])
def test_heldout_precision_floor(which, p_min, r_min):
    """Both held-out sets are scored by scripts/eval_entities.py; keep precision high."""
    mod = _eval_module()
    counts, _ = mod.score(mod.load(mod.SETS[which]))
    kinds = [counts[k] for k in mod.KINDS]
    tp = sum(c["tp"] for c in kinds)
    fp = sum(c["fp"] for c in kinds)
    fn = sum(c["fn"] for c in kinds)
    assert tp / (tp + fp) >= p_min and tp / (tp + fn) >= r_min


def surfaces(text: str, kind: str | None = None) -> set[str]:
    mentions, _ = run(text)
    return {m["surface"] for m in mentions if kind is None or m["kind"] == kind}


@pytest.mark.parametrize(
    "text,org",
    [
        ("فاز حزب النهضة بأغلبية المقاعد في البرلمان", "حزب النهضة"),
        ("وأعلنت حركة العدل والمساواة انسحابها من المفاوضات", "حركة العدل والمساواة"),
        ("واتهم مجلس السيادة الانتقالي في السودان الطرف الآخر", "مجلس السيادة الانتقالي"),
        ("قرر البنك المركزي التونسي رفع نسبة الفائدة", "البنك المركزي التونسي"),
        ("دعت الهيئة العليا المستقلة للانتخابات الناخبين إلى", "الهيئة العليا المستقلة للانتخابات"),
        ("قضت محكمة جنايات الإسكندرية بإعدام المتهمين", "محكمة جنايات الإسكندرية"),
        ("وتبنت كتائب شهداء الأقصى العملية", "كتائب شهداء الأقصى"),
        ("أعلن الجيش اللبناني توقيف مطلوبين في بعلبك", "الجيش اللبناني"),
        ("قالت شبكة أطباء السودان إن القصف", "شبكة أطباء السودان"),
        ("رحب تحالف قوى الحرية والتغيير بالاتفاق", "تحالف قوى الحرية والتغيير"),
    ],
)
def test_unknown_organisation_by_head_noun(text, org):
    assert org in surfaces(text, "ORGANIZATION")


@pytest.mark.parametrize(
    "text",
    [
        "انتشرت قوات الأمن في شوارع المدينة",
        "وصلت قوات حفظ السلام إلى المطار",
        "شكلت الحكومة لجنة التحقيق في الحادث",
        "شكل الرئيس لجنة لمتابعة الأوضاع التي تشهدها البلاد",
        "أكدت الشركة الروسية أن الإمدادات مستمرة",
        "وقالت القوات المسلحة إنها صدت الهجوم",
        "توقفت حركة المرور على الطريق السريع",
        "فاز بولاية ثانية في منطقة عسكرية مغلقة",
    ],
)
def test_generic_head_nouns_are_not_mentions(text):
    mentions, _ = run(text)
    assert not [m for m in mentions if m["method"] == "head"], mentions


def test_place_by_head_noun_and_its_later_mentions():
    text = "سقطت قذائف على بلدة كفر نبل في ريف إدلب. وقال سكان كفر نبل إن محافظة ميسان بعيدة"
    mentions, _ = run(text)
    got = [(m["surface"], m["kind"]) for m in mentions]
    assert got.count(("كفر نبل", "LOCATION")) == 2
    # "ريف إدلب" (Idlib countryside) is a region of the division lists; the rules alone
    # read the city after the head noun.
    assert ("ميسان", "LOCATION") in got
    assert ("إدلب", "LOCATION") in got or ("ريف إدلب", "LOCATION") in got
    assert "ساحة التحرير" in surfaces("تجمع المحتجون في ساحة التحرير وسط بغداد", "LOCATION")


@pytest.mark.parametrize(
    "text,iso",
    [
        ("اشتباكات في طرابلس شمال لبنان بين مسلحين", "LB"),
        ("قال وزير الداخلية اللبناني إن الوضع في طرابلس تحت السيطرة", "LB"),
        ("اشتباكات في طرابلس بين جماعات مسلحة ليبية", "LY"),
        ("اشتباكات في طرابلس الليلة", "LY"),
        ("استضافت العاصمة الأردنية عمان مؤتمرا للمانحين", "JO"),
        ("وصل وزير الخارجية إلى عمان قادما من الأردن", "JO"),
        ("زار السلطان مسقط ثم غادر عمان", "OM"),
        ("استقبل الملك عبد الله الثاني في عمان الوفد", "JO"),
    ],
)
def test_ambiguous_places_follow_the_article(text, iso):
    mentions, defs = run(text)
    country = {d["entity_id"]: d["country"] for d in defs}
    amb = [m for m in mentions if m["surface"] in ("طرابلس", "عمان")]
    assert amb and all(country[m["entity_id"]] == iso for m in amb)


@pytest.mark.parametrize(
    "text,person",
    [
        ("وسجل للفريق محمد صلاح في الدقيقة العاشرة", "محمد صلاح"),
        ("احتج أنصار تيار الحكمة بزعامة عمار الحكيم في بغداد", "عمار الحكيم"),
        ("انتخب البرلمان قائد الجيش جوزاف عون رئيسا", "جوزاف عون"),
        ("قال وزير الصحة الأردني فراس الهواري إن", "فراس الهواري"),
        ("قالت وزيرة الخارجية الكندية ميلاني جولي إن", "ميلاني جولي"),
        ("وصل الرئيس الفرنسي ماكرونو إلى بيروت", "ماكرونو"),
        ("توج الملك فيصل الثاني ملكا على العراق", "فيصل الثاني"),
        ("وقال وزير الخارجية الإسباني خوسيه مانويل ألباريس إن", "خوسيه مانويل ألباريس"),
        ("التقى المبعوث الأمريكي ألكسندر ألبرتو في جنيف", "ألكسندر ألبرتو"),
        ("أعلن الأمير بندر بن سلطان بن عبد العزيز آل سعود", "بندر بن سلطان بن عبد العزيز آل سعود"),
    ],
)
def test_people_without_gazetteer(text, person):
    assert person in surfaces(text, "PERSON")


@pytest.mark.parametrize(
    "text",
    [
        "قال الرئيس يتهم المعارضة",
        "إن المهام الرئيسة لقوات حفظ السلام في كازاخستان تشمل حماية المنشآت",
        "وصل الرئيس الأمريكي توجه إلى",
        "قال المتحدث إن الوزارة",
        "لدينا أسباب معقولة للاعتقاد",
    ],
)
def test_not_people(text):
    assert not surfaces(text, "PERSON")


def test_a_definite_surname_closes_the_name():
    assert surfaces("قال وزير الصحة العراقي صالح الحسناوي مستشفى جديد", "PERSON") == {
        "صالح الحسناوي"
    }
    assert surfaces("فاز محمد ولد الشيخ الغزواني بولاية ثانية", "PERSON") == {
        "محمد ولد الشيخ الغزواني"
    }


PIECES = [
    "قال الرئيس الروسي فلاديمير بوتين",
    "إن",
    "وبكين",
    "للأمم المتحدة",
    "ألما آتا",
    "قاسم - جومارت توكاييف",
    "،",
    ".",
    "وزير الخارجية الصيني، وانغ يي،",
    "يي",
    "\u0651",
    "ـ",
    "مُحمّد سالم",
    "\n",
    "  ",
    "وزارة الداخلية الكازاخية",
    "«",
    "»",
    "عبد الفتاح السيسي",
    "حزب العدالة والتنمية",
    "للمجلس الرئاسي الليبي",
    "محافظة ميسان",
    "ميسان",
    "بطرابلس",
    "لبنان",
    "ألباريس",
    "محمد مجدي",
    "x",
    "٣",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25), st.text(max_size=5))
def test_offsets_point_at_surface(pieces, noise):
    text = " ".join(pieces) + noise
    mentions, defs = run(text)
    known = {d["entity_id"] for d in defs}
    for m in mentions:
        assert text[m["start"] : m["end"]] == m["surface"]
        assert m["surface"].strip() == m["surface"] and m["entity_id"] in known


def test_a_head_noun_spelled_with_alef_lam_is_not_the_article():
    # "ألوية" (brigades) folds to "الويه": its first letters are not the article ال.
    # The scan used to guess definiteness from the letters and raised KeyError('ويه'),
    # which cost 6 of 2,000 real articles their whole extraction.
    from tasks.clean import clean
    from tasks.extract import extract_article

    facts = extract_article(clean("عنوان\n\nوقال قائد ألوية العمالقة إن القوات تقدمت."))
    assert ("ألوية العمالقة", "ORGANIZATION") in {
        (m["surface"], m["kind"]) for m in facts["mentions"]
    }


def test_embassies_and_national_teams_are_organisations_but_a_town_centre_is_a_place() -> None:
    mentions, _ = run(
        "وفاز المنتخب البلجيكي على نظيره الياباني، وأغلقت السفارة الروسية أبوابها، "
        "وسيطرت القوات التركية على مركز عفرين."
    )
    found = {(m["surface"], m["kind"]) for m in mentions}
    assert ("المنتخب البلجيكي", "ORGANIZATION") in found
    assert ("السفارة الروسية", "ORGANIZATION") in found
    assert ("عفرين", "LOCATION") in found
    assert not [s for s, k in found if s.startswith("مركز")]


def test_a_speech_participle_never_ends_a_name() -> None:
    mentions, _ = run("ونقلت بي بي سي قائلة إن الاجتماع انتهى.")
    assert [m["surface"] for m in mentions] == ["بي بي سي"]


def test_clubs_go_by_their_bare_names_in_sport_articles_only() -> None:
    from tests.test_attribution import facts

    sport = (
        "فاز الأهلي على المصري بهدفين في مباراة الدوري المصري الممتاز، وقال مدرب الأهلي "
        "إن اللاعب سجل هدفا رائعا في الملعب."
    )
    found = [(m["surface"], m["entity_id"]) for m in facts(sport)["mentions"]]
    assert ("الأهلي", "org:al-ahly") in found and ("المصري", "org:al-masry") in found
    # "الدوري المصري": the adjective of the league, not the club
    assert sum(1 for s, i in found if i == "org:al-masry") == 1
    news = "قال الوزير إن الاقتصاد المصري يتحسن وإن الهلال الأحمر وزع المساعدات."
    assert not any(m["method"] == "club" for m in facts(news)["mentions"])


def test_a_city_that_names_a_club_is_the_club_in_a_sport_article() -> None:
    from tests.test_attribution import facts

    sport = (
        "شهدت المرحلة فوز شتوتغارت على هانوفر وتعادل ليفربول مع إيفرتون في مباراة "
        "الدوري، وقال المدرب إن اللاعب سجل هدفا."
    )
    kinds = {m["surface"]: m["entity_id"] for m in facts(sport)["mentions"]}
    assert kinds["شتوتغارت"] == "org:stuttgart" and kinds["ليفربول"] == "org:liverpool-fc"
    news = "وصل الوزير إلى ليفربول ثم إلى شتوتغارت في زيارة رسمية."
    ids = {m["entity_id"] for m in facts(news)["mentions"]}
    assert {"loc:liverpool", "loc:stuttgart"} <= ids


def test_a_bare_name_of_two_clubs_is_the_one_of_the_country_named_most() -> None:
    from tests.test_attribution import facts

    text = (
        "وسيلعب الهلال في ضيافة الأهلي في الدوري السعودي، في مباراة قوية يسعى فيها "
        "المدرب إلى الفوز في الرياض بعد التعادل في جدة."
    )
    ids = {m["entity_id"] for m in facts(text)["mentions"] if m["surface"] == "الأهلي"}
    assert ids == {"org:al-ahli-saudi"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            'أكد وزير الداخلية السعودي الأمير عبدالعزيز بن سعود على "شجب" المملكة.',
            "عبدالعزيز بن سعود",
        ),
        ("وحصل المهاجم أنطوان غريزمان على ركلة جزاء في الدقيقة العاشرة.", "أنطوان غريزمان"),
    ],
)
def test_a_name_ends_before_the_preposition_ala(text: str, name: str) -> None:
    """Normalised, "على" reads as the given name "علي"; the source spelling tells them apart."""
    people = [m["surface"] for m in run(text)[0] if m["kind"] == "PERSON"]
    assert name in people and not any("على" in p for p in people)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وانتقل اللاعب إلى تشيلسي الإنجليزي الموسم الماضي.", "تشيلسي"),
        ("وفاز ليفربول الإنجليزي على روما.", "ليفربول"),  # a club named by its city
        ("وقال حزب الله اللبناني إن الحكومة مسؤولة.", "حزب الله"),
        ("وقالت وزارة الخارجية الأمريكية إن الاتفاق قائم.", "وزارة الخارجية الأمريكية"),
    ],
)
def test_an_organisation_loses_the_nationality_after_its_name(text: str, name: str) -> None:
    """ANERcorp and akhbar's gold tag "[تشيلسي] الإنجليزي"; a ministry keeps its country."""
    orgs = [m["surface"] for m in run(text)[0] if m["kind"] == "ORGANIZATION"]
    assert orgs[0] == name


def test_a_persons_name_never_starts_with_a_relation_noun() -> None:
    from tests.test_attribution import facts

    text = 'وكتب محامو بوستيك في التماسهم أن الحكم "جائر بحق موكلهم".'
    people = [m["surface"] for m in facts(text)["mentions"] if m["kind"] == "PERSON"]
    assert all(not p.startswith("محامو") for p in people)
    assert facts(text)["quotes"][0]["speaker_id"] is None  # his lawyers, as written


def test_a_person_never_starts_with_a_preposition_on_a_definite_word() -> None:
    text = (
        "فاز الأهلي المصري على الوداد البيضاوي بهدفين مقابل هدف في ذهاب نهائي دوري أبطال "
        "أفريقيا، وسجل للأهلي محمد مجدي أفشة وحسين الشحات."
    )
    people = surfaces(text, "PERSON")
    assert not any(s.startswith("لأهلي") or s.startswith("للأهلي") for s in people)
    assert "محمد مجدي أفشة" in people


def test_a_definite_plural_of_people_is_no_person() -> None:
    text = "وقارن الباحثون بيانات الاستبيان بين التوائم، وقال الباحثون إن النتائج مهمة."
    assert "الباحثون" not in surfaces(text, "PERSON")


def test_a_draw_article_reads_its_clubs() -> None:
    text = (
        "أسفرت قرعة بطولة الدوري الأوروبي لكرة القدم عن لقاء ميلان مع أرسنال، "
        "ويلتقي سيسكا موسكو الروسي مع ليون الفرنسي ومارسيليا الفرنسي مع أتلتيك بلباو."
    )
    orgs = surfaces(text, "ORGANIZATION")
    assert {"ليون", "مارسيليا"} <= orgs


def test_a_name_starting_with_ba_after_a_known_place_is_part_of_it() -> None:
    from tasks.process.article import analyse

    _c, out = analyse("ووصل الرئيس إلى غينيا بيسو أمس.")
    assert "غينيا بيسو" in [m["surface"] for m in out["mentions"]]


@pytest.mark.parametrize(
    "text,places",
    [
        # the country's name is also its feminine nisba: after a definite noun, Saudi
        ('قالت قناة "الإخبارية" السعودية إن الدفاعات الجوية السعودية اعترضت صاروخا.', set()),
        ("ورئيس الهيئة العامة للرياضة السعودية تركي آل الشيخ.", set()),
        # after a verb, a preposition or و, the country
        ("وأعلنت السعودية أنها اعترضت صاروخا في السعودية.", {"السعودية"}),
        ("وكانت مصر والسعودية قد قطعتا العلاقات.", {"مصر", "السعودية"}),
        # after a masculine noun it is the verb's object; after another place, too
        ("وزار الرئيس الفرنسي السعودية.", {"السعودية"}),
        ("وتتهم الولايات المتحدة السعودية بدعم الحرب.", {"الولايات المتحدة", "السعودية"}),
    ],
)
def test_a_country_named_by_its_nisba_after_a_definite_noun_is_the_adjective(
    text: str, places: set[str]
) -> None:
    assert surfaces(text, "LOCATION") == places


def test_a_name_in_brackets_after_a_company_head_is_the_company() -> None:
    mentions, _defs = run("وقالت شركة (ديستريس أليرت) للإسعاف إن المرأة لم يبدُ عليها أي علامات.")
    kinds = {m["surface"]: m["kind"] for m in mentions}
    assert kinds.get("ديستريس أليرت") == "ORGANIZATION"


def test_a_compound_given_name_is_not_a_known_persons_near_spelling() -> None:
    # "ماري لوبان" is near "مارين لوبان"; "جان ماري لوبان" is another person, and his
    # surname alone later (here after a hashtag's underscores) is his
    text = "أعلن #جان_ماري_لوبان الزعيم السابق لحزب الجبهة الوطنية. ورد لوبان لدى سؤاله."
    mentions, _defs = run(text)
    people = {m["surface"]: m["entity_id"] for m in mentions if m["kind"] == "PERSON"}
    assert "per:marine-le-pen" not in people.values()
    assert people["لوبان"] == people["جان_ماري_لوبان"]
    text = "وقالت زعيمة اليمين المتطرف الفرنسي مارين لوبان إن الاتفاق سيء."
    assert "per:marine-le-pen" in {m["entity_id"] for m in run(text)[0]}


def test_a_body_before_a_given_name_is_not_part_of_the_name() -> None:
    mentions, _defs = run('وقال المتحدث باسم الجيش ريم صالح إن "الخرطوم تواجه أعمالا عدائية".')
    assert "ريم صالح" in {m["surface"] for m in mentions if m["kind"] == "PERSON"}


def test_a_person_in_brackets_after_a_title_and_a_body_is_a_person() -> None:
    mentions, _defs = run('وقال رئيس الحزب (سامي براهم) إن "الحوار مستمر".')
    assert {m["surface"]: m["kind"] for m in mentions}.get("سامي براهم") == "PERSON"


def test_a_clause_the_tagger_ran_into_is_cut_from_the_name() -> None:
    mentions, _defs = run('وقالت الوكالة إن نازيك "اعترف". وأكدت الشرطة عبر موقع تويتر الإغلاق.')
    surfaces = {m["surface"] for m in mentions}
    assert not any(" إن " in s or " عبر " in s for s in surfaces)
