"""The source register the bundled content cites (tags as in the project's source register).

Titles, outlets, dates and addresses as found. Where the register marks a date as approximate,
``approximate_date`` is set; where it gives none, the date is None. Low-grade witnesses carry a
note and are cited only beside a better one.
"""

from __future__ import annotations

from datetime import date as d

from ..core.sources import Source

WEAK = "low-grade witness; cited only where a better source agrees"
UNCHECKED = (
    "The official page itself could not be checked; its wording is witnessed by reprints, "
    "translations and quotations (W1-W19)."
)
REPRINT = "weak provenance (a reprint)"
BBC_COPY = "third-party copy of BBC text"
MIRROR = "read in the mirror brian14708/wh-briefings"
GITHUB_COPY = "third-party copy in a public GitHub repository"
DIGEST = (
    "A third-party news digest or dashboard kept in a public GitHub repository, often "
    "machine-written; its repository is not recorded. The primary outlet it cites was not read."
)
AGGREGATOR = "An aggregator site: weak."
HEADLINES = "A page of headlines; the explainer itself was not read."

CAVEATS = (UNCHECKED, WEAK, REPRINT, BBC_COPY, MIRROR, GITHUB_COPY, DIGEST, AGGREGATOR, HEADLINES)
"""What the register says of a source's standing, in its own words: each phrase is part of the
notes of the sources above, of the timeline's (``_timeline_sources``) or of the dataset's. A
source's reliability (``gazaplan.catalog.register``) is the phrases its note holds, and nothing
else; a note that holds none (a date the register gives loosely, a remark) grades nothing."""

WH = Source(
    "WH",
    "President Donald J. Trump's Comprehensive Plan to End the Gaza Conflict",
    "White House",
    d(2025, 9, 29),
    None,
    note=UNCHECKED,
)
FT = Source(
    "FT",
    "Report on the talks expected in Cairo (the stored copy has no headline)",
    "Financial Times (reprint)",
    d(2025, 10, 5),
    "https://wdtfinance.com/?p=5939",
    approximate_date=True,
    note="The report the project started from; the talks opened on 6 Oct in Sharm el-Sheikh [R1].",
)

W1 = Source(
    "W1",
    "Trump's Gaza peace proposal: here are the 20 key points",
    "Gulf News",
    d(2025, 9, 30),
    "https://gulfnews.com/world/mena/trumps-gaza-peace-proposal-here-are-the-20-key-points-1.500288891",
)
W2 = Source(
    "W2",
    "White House releases Trump proposal to end Gaza conflict",
    "WSB Radio (CBS News)",
    d(2025, 9, 29),
    "https://www.wsbradio.com/news/white-house-releases-trump-proposal-end-gaza-conflict/FNR2IOUA5JDFLHMGNDTOX2JLGI",
)
W3 = Source(
    "W3",
    "How the Board of Peace and ISF will temporarily govern Gaza",
    "Moneycontrol",
    d(2025, 9, 30),
    "https://www.moneycontrol.com/world/how-the-board-of-peace-and-isf-will-temporarily-govern-gaza-trump-s-post-war-plan-for-administration-and-security-article-13589104.html",
    approximate_date=True,
)
W4 = Source(
    "W4",
    "AFP report listing points 1-7",
    "Arab Facts Hub (AFP)",
    d(2025, 9, 29),
    "https://afhnews.arabifactshub.net/?p=14244",
)
W7 = Source(
    "W7",
    "Gaza: les vingt propositions du plan de Donald Trump",
    "Le Monde with AFP (reprint)",
    d(2025, 9, 29),
    "https://thequickflash.com/fr/article/gaza-les-vingt-propositions-du-plan-de-donald-trump-p",
)
W8 = Source(
    "W8",
    "EUA apresentam plano de paz para Gaza com conselho presidido por Trump",
    "O Povo",
    d(2025, 9, 29),
    "https://opovofalams.com.br/2025/09/29/eua-apresentam-plano-de-paz-para-gaza-com-conselho-presidido-por-trump",
)
W9 = Source(
    "W9",
    "Summary of the 20-point plan",
    "TRT World",
    d(2025, 9, 30),
    "https://www.trtworld.com:443/article/469e0e1d2b3a",
)
W10 = Source(
    "W10",
    "Trump announced his 20-point Gaza peace plan. What comes next?",
    "KVIA (CNN)",
    d(2025, 9, 30),
    "https://kvia.com/?p=1416640",
    approximate_date=True,
)
W11 = Source(
    "W11",
    "What the 20-point plan for Gaza entails",
    "Unione Sarda",
    d(2025, 9, 30),
    "https://www.unionesarda.it/en/world/what-the-20-point-plan-for-gaza-entails-the-quot-board-of-peacequot-to-trump-and-blair-pbt6htkv",
    approximate_date=True,
)
W12 = Source(
    "W12",
    "Security Council meeting coverage, resolution 2803",
    "United Nations",
    d(2025, 11, 17),
    "https://www.un.org/unispal/document/security-council-meeting-coverage-17nov25",
)
W13 = Source(
    "W13",
    "Xinhua on resolution 2803",
    "newsgd.com (Xinhua)",
    d(2025, 11, 18),
    "https://www.newsgd.com/node_e75cadc545/9543c54c3e.shtml",
    approximate_date=True,
)
W14 = Source(
    "W14",
    "US proposes weapon buyback as core of Gaza demilitarization at UN Security Council",
    "cnewsliveenglish",
    None,
    "https://cnewsliveenglish.com/news/41029/us-proposes-weapon-buyback-as-core-of-gaza-demilitarization-at-un-security-council",
    note="dated only to 2026 in the register",
)
W15 = Source(
    "W15",
    "Ynet (English) on Rafah, quoting point 8",
    "newsbeep (Ynet)",
    None,
    "https://www.newsbeep.com/287068",
)
W16 = Source(
    "W16",
    "Crisis en Gaza (point 17)",
    "noticiashoy.co",
    None,
    "https://www.noticiashoy.co/briefing/crisis-en-gaza/23278/2",
    note=WEAK,
)
W17 = Source(
    "W17",
    "Global Support for President Trump's Bold Vision for Peace in Gaza",
    "White House (GitHub mirror)",
    d(2025, 10, 1),
    "https://www.whitehouse.gov/articles/2025/10/global-support-for-president-trumps-bold-vision-for-peace-in-gaza/",
    note=MIRROR,
)
W19 = Source(
    "W19",
    "As Donald Trump's plan for Gaza gets UN approval, development proposals are circulating",
    "ABC News (Australia)",
    d(2025, 11, 19),
    "https://newsapp.abc.net.au/news/2025-11-19/rebuilding-gaza-donald-trump-plan-investment-potential/106006900",
)

R1 = Source(
    "R1",
    "Gaza talks open in Sharm under Trump plan; swift deal unlikely",
    "radarafrica.com (Reuters)",
    d(2025, 10, 6),
    "https://radarafrica.com/africa/gaza-talks-open-in-sharm-under-trump-plan-swift-deal-unlikely",
)
R2 = Source(
    "R2",
    "Indirect talks begin in Egypt over Trump's Gaza peace plan",
    "uzalendonews.co.ke (BBC)",
    d(2025, 10, 6),
    "https://uzalendonews.co.ke/indirect-talks-begin-in-egypt-over-trumps-gaza-peace-plan",
    approximate_date=True,
)
R3 = Source(
    "R3",
    "Trump sends envoys to Egypt to push for Israel-Hamas ceasefire",
    "Benzinga (citing Guardian/Axios)",
    d(2025, 10, 5),
    "https://www.benzinga.com/news/politics/25/10/48032899/trump-sends-envoys-to-egypt-to-push-for-israel-hamas-ceasefire-as-netanyahu-eyes-hostage-deal",
)
R4 = Source(
    "R4",
    "Gaza ceasefire talk in Egypt",
    "DNA India (citing France 24 / Al Jazeera)",
    d(2025, 10, 5),
    "https://www.dnaindia.com/world/report-gaza-ceasefire-talk-in-egypt-us-president-donald-trump-sends-son-in-law-jared-kushner-israel-pm-netanyahu-to-send-3182908",
)
R5 = Source(
    "R5",
    "Pakistan, other Muslim countries welcome Hamas response to Trump's Gaza plan",
    "Dunya News; JNS via voz.us",
    d(2025, 10, 5),
    "https://dunyanews.tv/en/Pakistan/910255-pakistan-other-muslim-countries-welcome-hamas-response-to-trumps-gaz",
)
R6 = Source(
    "R6",
    "Egypt's Sisi says Gaza deal in sight as Witkoff, Kushner, Qatari PM join talks",
    "Al-Monitor",
    d(2025, 10, 8),
    "https://app.al-monitor.com/originals/2025/10/egypts-sisi-says-gaza-deal-sight-witkoff-kushner-qatari-pm-join-talks",
)
R7 = Source(
    "R7",
    "72-hour Hamas-Israel hostage exchange to begin, US envoy says",
    "A News (Anadolu)",
    d(2025, 10, 10),
    "https://www.anews.com.tr/middle-east/2025/10/10/72-hour-hamas-israel-hostage-exchange-to-begin-us-envoy-says",
)
R8 = Source(
    "R8",
    "IDF to retain control over 53% of Gaza after ceasefire agreement",
    "Firstpost (citing Times of Israel)",
    d(2025, 10, 9),
    "https://www.firstpost.com/world/idf-to-retain-control-over-53-of-gaza-after-ceasefire-agreement-report-13940782.html",
    approximate_date=True,
)
R9 = Source(
    "R9",
    "No ceremonies, release within 72 hours",
    "JNS-type summary (usanativ aggregator)",
    None,
    "https://portal.usanativ.com/aggregator?page=82",
)
R10 = Source(
    "R10",
    "Gaza aid: COGAT to allow only 300 trucks",
    "UN News",
    d(2025, 10, 14),
    "https://news.un.org/en/story/2025/10/1166107",
)
R11 = Source(
    "R11",
    "Nearly 2,000 Palestinian prisoners released in first phase of Gaza ceasefire agreement",
    "Saudi Gazette (agencies); WAFA",
    d(2025, 10, 13),
    "https://cdn.saudigazette.com.sa/article/655707/World/Nearly-2000-Palestinian-prisoners-released-in-first-phase-of-Gaza-ceasefire-agreement",
)
R12 = Source(
    "R12",
    "What we know about the ceasefire agreement and hostages release",
    "BBC (GitHub mirror thebadely/thebadely.github.io)",
    d(2025, 10, 12),
    "github:thebadely/thebadely.github.io/_posts/2025-10-12-big-news-what-we-know-about-the-ceasefire-agreement-and-hostages-release.md",
    note=BBC_COPY,
)
R13 = Source(
    "R13",
    "US envoy pushes Israel-Hamas truce as first phase nears end",
    "UNB (AP)",
    d(2025, 11, 10),
    "https://unb.com.bd/category/world/us-envoy-pushes-israel-hamas-truce-as-first-phase-nears-end/172684",
    approximate_date=True,
)
R14 = Source(
    "R14",
    "Map of Gaza shows how Israeli forces will withdraw under ceasefire deal",
    "lifeinlagos.com (Al Jazeera)",
    None,
    "https://lifeinlagos.com/gaza-map-israeli-forces-withdrawal-ceasefire",
)
R15 = Source(
    "R15",
    "Where will troops withdraw to",
    "The Independent",
    d(2025, 10, 9),
    "https://www.independent.co.uk/news/world/middle-east/gaza-map-trump-peace-plan-israel-b2842262.html",
    approximate_date=True,
)
R16 = Source(
    "R16",
    "First Edition newsletter (reprint)",
    "The Guardian (reprint)",
    None,
    "http://mailinator.pl/viewer.php?id=107091645",
    note=REPRINT + "; dated mid-Oct 2025",
)
R17 = Source(
    "R17",
    "Euronews / Kan on the withdrawal map",
    "europe-arabs.com",
    d(2025, 10, 10),
    "https://europe-arabs.com/news/6732",
    approximate_date=True,
)
R18 = Source(
    "R18",
    "The 19 January 2025 Gaza deal",
    "Ahram Online",
    None,
    "https://english.ahram.org.eg/News/538862.aspx",
    note="dated January 2025 in the register",
)
R19 = Source(
    "R19",
    "Israel agreed to withdrawal line, Hamas confirmation would trigger ceasefire: Trump",
    "India Today",
    d(2025, 10, 4),
    "https://www.indiatoday.in/world/us-news/story/israel-agreed-to-withdrawal-line-hamas-confirmation-would-trigger-ceasefire-trump-2797831-2025-10-05",
)
R20 = Source(
    "R20",
    "Israel says a Gaza border will reopen but only for Palestinians to leave; Egypt denies",
    "rifnote.ng; Türkiye Today",
    None,
    "https://www.rifnote.ng/israel-says-a-gaza-border-will-reopen-but-only-for-palestinians-to-leave",
)
R21 = Source(
    "R21",
    "Clock for hostage release starts ticking as Israel approves first stage of deal",
    "jewishreview.co.il (JNS)",
    d(2025, 10, 10),
    "https://jewishreview.co.il/clock-for-hostage-release-starts-ticking-as-israel-approves-first-stage-of-deal-38954",
    approximate_date=True,
)
R22 = Source(
    "R22",
    "What has been agreed and what happens next",
    "BBC (GitHub mirror thebadely/thebadely.github.io)",
    d(2025, 10, 10),
    "github:thebadely/thebadely.github.io/_posts/2025-10-10-update-what-has-been-agreed-and-what-happens-next.md",
    note=BBC_COPY,
)

# Timeline sources used for the facts at publication (from the project's timeline register).
HERALD = Source(
    "NH-2025-09-30",
    "Trump unveils 20-point Gaza peace plan",
    "National Herald (India)",
    d(2025, 9, 30),
    "https://www.nationalheraldindia.com/international/trump-unveils-20-point-gaza-peace-plan-to-lead-global-board-for-the-strips-rebuild",
)
MIDEAST = Source(
    "MJ-2025-09-29",
    "Trump's Gaza Peace Plan and How It Could End the War",
    "Mideast Journal",
    d(2025, 9, 29),
    "https://www.mideastjournal.org/post/trump-s-gaza-peace-plan-and-how-it-could-end-the-war",
)
ALJAZEERA_1009 = Source(
    "AJ-2025-10-09",
    "LIVE: Israel, Hamas agree on 'first phase' of Gaza ceasefire deal",
    "Al Jazeera",
    d(2025, 10, 9),
    "https://www.aljazeera.com/news/liveblog/2025/10/9/live-israel-hamas-agree-on-first-phase-of-gaza-ceasefire-deal?traffic_source=rss",
)
AP_1010 = Source(
    "JN-2025-10-10",
    "Israeli military says ceasefire agreement in Gaza started at noon local time",
    "Journal-News (AP)",
    d(2025, 10, 10),
    "https://www.journal-news.com/news/nation-world/israeli-military-says-ceasefire-agreement-in-gaza-started-at-noon-local-time/YIM5NIFHPVOGNH6HQPX45SMSHA/",
)

REGISTER = (
    WH,
    FT,
    W1,
    W2,
    W3,
    W4,
    W7,
    W8,
    W9,
    W10,
    W11,
    W12,
    W13,
    W14,
    W15,
    W16,
    W17,
    W19,
    R1,
    R2,
    R3,
    R4,
    R5,
    R6,
    R7,
    R8,
    R9,
    R10,
    R11,
    R12,
    R13,
    R14,
    R15,
    R16,
    R17,
    R18,
    R19,
    R20,
    R21,
    R22,
    HERALD,
    MIDEAST,
    ALJAZEERA_1009,
    AP_1010,
)
