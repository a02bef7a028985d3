"""Sources of the bundled timeline (the project's timeline register), one per address.

Tags are ``TL-<date of first use>-<n>``. Titles and outlets as found; a date the register gives
only to the month is left out with a note, and "dated from content" is marked approximate.
"""

from __future__ import annotations

from datetime import date as d

from ..core.sources import Source

TL: dict[str, Source] = {}


def _s(
    tag: str,
    title: str,
    outlet: str,
    when: d | None,
    url: str | None,
    *,
    approx: bool = False,
    note: str = "",
) -> None:
    TL[tag] = Source(tag, title, outlet, when, url, approximate_date=approx, note=note)


_s(
    "TL-2025-09-29-1",
    "Trump unveils 20-point Gaza peace plan",
    "National Herald (India)",
    d(2025, 9, 30),
    "https://www.nationalheraldindia.com/international/trump-unveils-20-point-gaza-peace-plan-to-lead-global-board-for-the-strips-rebuild",
)
_s(
    "TL-2025-09-29-2",
    "Trump's Gaza Peace Plan and How It Could End the War",
    "Mideast Journal",
    d(2025, 9, 29),
    "https://www.mideastjournal.org/post/trump-s-gaza-peace-plan-and-how-it-could-end-the-war",
)
_s(
    "TL-2025-09-29-3",
    "Update: What has been agreed and what happens next (copy of BBC explainer)",
    "thebadely/thebadely.github.io (GitHub mirror of BBC text)",
    d(2025, 10, 10),
    "github:thebadely/thebadely.github.io/_posts/2025-10-10-update-what-has-been-agreed-and-what-happens-next.md",
    note="third-party copy in a public GitHub repository",
)
_s(
    "TL-2025-10-03-1",
    "Hamas agrees to parts of a Gaza peace plan after Trump gives a deadline",
    "NPR via KLCC",
    d(2025, 10, 3),
    "https://www.klcc.org/npr-politics/2025-10-03/hamas-agrees-to-parts-of-a-gaza-peace-plan-after-trump-gives-a-deadline",
)
_s(
    "TL-2025-10-03-2",
    "How Donald Trump reacted to Hamas statement on Israeli hostages",
    "Hindustan Times",
    d(2025, 10, 4),
    "https://www.hindustantimes.com/world-news/us-news/too-dangerous-to-how-donald-trump-reacted-to-hamas-statement-on-israeli-hostages-101759543213078.html",
)
_s(
    "TL-2025-10-03-3",
    "Hamas agrees to release all Israeli hostages with conditions",
    "iHeart",
    d(2025, 10, 3),
    "https://www.iheart.com/content/2025-10-03-hamas-agrees-to-release-all-israeli-hostages-with-conditions-report/",
)
_s(
    "TL-2025-10-04-1",
    "Trump Unveils Gaza Withdrawal Map as Israel - Hamas Head to Cairo Talks",
    "IFI Today",
    d(2025, 10, 5),
    "https://www.ifi.today/govern/2412-Trump-Unveils-Gaza-Withdrawal-Map-as-Israel-Hamas-Head-to-Cairo-Talks.html",
)
_s(
    "TL-2025-10-04-2",
    "President Trump Reveals Map Outlining IDF Control Zones (The Media Line)",
    "SRN News",
    d(2025, 10, 5),
    "https://srnnews.com/the-media-line-president-trump-reveals-map-outlining-idf-control-zones-in-rafah-philadelphi-corridor-and-northern-gaza",
)
_s(
    "TL-2025-10-04-3",
    "Israel carries out further strikes in Gaza (yellow line defined in map of 4 Oct)",
    "Nepal News",
    d(2025, 10, 20),
    "https://english.nepalnews.com/?p=181157",
    approx=True,
)
_s(
    "TL-2025-10-08-1",
    "LIVE: Israel, Hamas agree on 'first phase' of Gaza ceasefire deal",
    "Al Jazeera",
    d(2025, 10, 9),
    "https://www.aljazeera.com/news/liveblog/2025/10/9/live-israel-hamas-agree-on-first-phase-of-gaza-ceasefire-deal?traffic_source=rss",
)
_s(
    "TL-2025-10-08-2",
    "Gaza civil defence reports strikes after ceasefire plan announcement",
    "Gulf News (AFP)",
    d(2025, 10, 9),
    "https://gulfnews.com/world/mena/gaza-civil-defence-reports-strikes-after-ceasefire-plan-announcement-1.500300098",
)
_s(
    "TL-2025-10-09-1",
    "Final Draft Of Gaza Phase One Deal Signed 'By All Parties', Says Israel",
    "Channels Television (AFP)",
    d(2025, 10, 9),
    "https://www.channelstv.com/2025/10/09/final-draft-of-gaza-phase-one-deal-signed-by-all-parties-in-egypt-says-israel/",
)
_s(
    "TL-2025-10-09-2",
    "Ceasefire agreement announced as Gaza death toll surpasses 67,000",
    "IMEMC",
    d(2025, 10, 9),
    "https://imemc.org/article/ceasefire-agreement-announced-as-gaza-death-toll-surpasses-67000",
)
# Added by the audit of counted figures (docs/audit.md): addresses the register gives for counts
# it states in its prose. Tags skip those the dataset file already uses (TL-2025-10-09-3).
_s(
    "TL-2025-10-09-4",
    "Joy in Israel and Gaza after ceasefire announced (Reuters text)",
    "danielrosehill/AI-Agent-UN (GitHub copy of Reuters text)",
    d(2025, 10, 9),
    "github:danielrosehill/AI-Agent-UN/tasks/reactions/ceasefire.md",
    note="third-party copy in a public GitHub repository",
)
_s(
    "TL-2025-10-09-5",
    "Government to approve release of 250 life-term prisoners (from INN 416047)",
    "Israel Headline News (Israel National News)",
    d(2025, 10, 9),
    "https://www.israelheadlinenews.com/articles/8901704032-government-to-approve-release-of-250-life-term-prisoners",
)
_s(
    "TL-2025-10-09-6",
    "Gaza ceasefire terms unveiled after secret negotiations",
    "Caliber.az (Sky News Arabia / Ynet)",
    d(2025, 10, 9),
    "https://caliber.az/en/post/gaza-ceasefire-terms-unveiled-after-secret-negotiations",
)
_s(
    "TL-2025-10-10-1",
    "Israeli cabinet approves Gaza ceasefire after delay",
    "Ahram Online",
    d(2025, 10, 10),
    "https://english.ahram.org.eg/News/554704.aspx",
)
_s(
    "TL-2025-10-10-2",
    "Explosions seen on Gaza skyline as Israel approves deal (video)",
    "The Independent",
    d(2025, 10, 10),
    "https://www.the-independent.com/tv/news/israel-gaza-ceasefire-explosion-video-b2843152.html",
)
_s(
    "TL-2025-10-10-3",
    "Israeli Cabinet Approves Ceasefire Agreement In Gaza Strip (Petra)",
    "MENAFN",
    d(2025, 10, 10),
    "https://menafn.com/1110176314/Israeli-Cabinet-Approves-Ceasefire-Agreement-In-Gaza-Strip",
)
_s(
    "TL-2025-10-10-4",
    "How Donald Trump's Israel-Hamas Gaza peace plan will play out: Timeline",
    "North West Telegraph",
    d(2025, 10, 10),
    "https://www.northwesttelegraph.com.au/news/middle-east/how-donald-trumps-israel-hamas-gaza-peace-plan-will-play-out-timeline-of-events-c-20300345.amp",
)
_s(
    "TL-2025-10-10-5",
    "Israeli military says ceasefire agreement in Gaza started at noon local time",
    "Journal-News (AP)",
    d(2025, 10, 10),
    "https://www.journal-news.com/news/nation-world/israeli-military-says-ceasefire-agreement-in-gaza-started-at-noon-local-time/YIM5NIFHPVOGNH6HQPX45SMSHA/",
)
_s(
    "TL-2025-10-10-6",
    "Latest: What we know about the Gaza ceasefire agreement (copy of BBC explainer)",
    "thebadely/thebadely.github.io (GitHub mirror of BBC text)",
    d(2025, 10, 11),
    "github:thebadely/thebadely.github.io/_posts/2025-10-11-latest-what-we-know-about-the-gaza-ceasefire-agreement.md",
    note="third-party copy in a public GitHub repository",
)
_s(
    "TL-2025-10-10-7",
    "Israel ceases fire and Gazans start to trek home (AFP text)",
    "Caribscope",
    d(2025, 10, 10),
    "https://wp.caribscopeonline.com/2025/10/09/israel-ceases-fire-and-gazans-start-to-trek-home",
    approx=True,
)
_s(
    "TL-2025-10-10-8",
    "Big News: What we know about the ceasefire agreement and hostages release (copy of BBC explainer)",
    "thebadely/thebadely.github.io (GitHub mirror of BBC text)",
    d(2025, 10, 12),
    "github:thebadely/thebadely.github.io/_posts/2025-10-12-big-news-what-we-know-about-the-ceasefire-agreement-and-hostages-release.md",
    note="third-party copy in a public GitHub repository",
)
_s(
    "TL-2025-10-10-9",
    "Israel to release about 2,000 Palestinians under Gaza ceasefire deal: official (Xinhua)",
    "MX Florida",
    d(2025, 10, 9),
    "https://www.mxflorida.com/?p=21240",
)
_s(
    "TL-2025-10-10-12",
    "Gaza ceasefire goes into effect",
    "EIR",
    None,
    "https://eir.news/2025/10/news/gaza-ceasefire-goes-into-effect",
    note="The register dates it: 2025-10.",
)
_s(
    "TL-2025-10-12-1",
    "Preparations begin to ramp up aid in Gaza as ceasefire brings hope (AP)",
    "SpeedyNews",
    d(2025, 10, 12),
    "https://speedynews.in/preparations-begin-to-ramp-up-aid-in-gaza-as-ceasefire-brings-hope-for-end-to-two-year-war",
)
_s(
    "TL-2025-10-13-1",
    "LIVE: Israel takes back first 7 Hamas hostages",
    "Voz",
    d(2025, 10, 13),
    "https://voz.us/en/world/251013/29900/live-israel-takes-back-first-7-hamas-hostages.html",
)
_s(
    "TL-2025-10-13-2",
    "Hamas no longer holds any living hostage as remaining 13 make their way home",
    "Eastern Mirror (IANS)",
    d(2025, 10, 13),
    "https://www.easternmirrornagaland.com/hamas-no-longer-holds-any-living-hostage-as-remaining-13-make-their-way-home-israel",
)
_s(
    "TL-2025-10-13-3",
    "Media: All released hostages back in Israel",
    "bluewin (Keystone-SDA)",
    d(2025, 10, 13),
    "https://www.bluewin.ch/en/news/international/media-all-released-hostages-back-in-israel-2913693.html",
)
_s(
    "TL-2025-10-13-4",
    "Four Gaza hostage bodies handed to Red Cross: army (prison service 1,968)",
    "New Indian Express",
    d(2025, 10, 13),
    "https://www.newindianexpress.com/world/2025/Oct/13/four-gaza-hostage-bodies-handed-to-red-cross-army",
)
_s(
    "TL-2025-10-13-5",
    "Nearly 2,000 Palestinian prisoners freed under Gaza ceasefire deal",
    "TRT World (AA)",
    d(2025, 10, 13),
    "https://www.trtworld.com:443/article/518d0dc1ae74",
)
_s(
    "TL-2025-10-13-6",
    "Israeli hostages, Palestinian prisoners released under ceasefire deal",
    "The American Conservative",
    d(2025, 10, 13),
    "https://www.theamericanconservative.com/israeli-hostages-palestinian-prisoners-released-under-ceasefire-deal/",
)
_s(
    "TL-2025-10-13-7",
    "Israel frees nearly 2,000 Palestinian prisoners under ceasefire deal",
    "Hobnob News",
    d(2025, 10, 13),
    "https://hobnobnews.com/2025/10/13/israel-frees-nearly-2000-palestinian-prisoners-under-ceasefire-deal",
)
_s(
    "TL-2025-10-13-8",
    "Palestinians freed from Israeli prisons denied reunion with families, deported instead (Mondoweiss)",
    "TRANSCEND Media Service",
    d(2025, 10, 20),
    "https://www.transcend.org/tms/2025/10/palestinians-freed-from-israeli-prisons-denied-reunion-with-families-deported-instead",
)
_s(
    "TL-2025-10-13-9",
    "Hamas begins to hand over remains of 4 Israeli captives",
    "A News",
    d(2025, 10, 13),
    "https://www.anews.com.tr/middle-east/2025/10/13/hamas-begins-to-hand-over-remains-of-4-israeli-captives-to-red-cross-in-southern-gaza",
)
_s(
    "TL-2025-10-13-10",
    "IDF receives bodies of four hostages",
    "TASS",
    d(2025, 10, 13),
    "https://tass.com/world/2029107",
)
_s(
    "TL-2025-10-13-11",
    "Trump and Leaders of Egypt, Turkey, and Qatar Sign Document on Gaza Ceasefire",
    "Antiwar.com",
    d(2025, 10, 13),
    "https://news.antiwar.com/?p=163149",
)
_s(
    "TL-2025-10-13-12",
    "Trump, Qatar, Egypt & Turkey sign Gaza Peace Plan at Sharm summit",
    "All Israel News",
    d(2025, 10, 13),
    "https://allisraelnews.com/day-the-region-has-been-praying-for-trump-qatar-egypt-turkey-sign-gaza-peace-plan-at-sharm-summit",
)
_s(
    "TL-2025-10-13-13",
    "Trump and leaders of Egypt, Qatar and Turkey sign Gaza ceasefire agreement",
    "Babel",
    d(2025, 10, 13),
    "https://babel.ua/en/news/122181-trump-and-leaders-of-egypt-qatar-and-turkey-sign-gaza-ceasefire-agreement",
)
_s(
    "TL-2025-10-14-1",
    "Gaza aid: COGAT to allow only 300 trucks",
    "UN News",
    d(2025, 10, 14),
    "https://news.un.org/en/story/2025/10/1166107",
)
_s(
    "TL-2025-10-14-2",
    "IDF says body turned over by Hamas doesn't match any hostages",
    "Fox News",
    d(2025, 10, 15),
    "https://www.foxnews.com/world/idf-says-body-turned-over-hamas-doesnt-match-any-hostages",
)
_s(
    "TL-2025-10-14-3",
    "IDF: Of 8 Remains We've Received, One Wasn't a Hostage",
    "Newser",
    d(2025, 10, 15),
    "https://www.newser.com/story/376889/idf-says-one-body-returned-by-hamas-wasnt-a-hostage.html",
)
_s(
    "TL-2025-10-14-4",
    "Israel says one body returned by Hamas not Israeli hostage (AFP)",
    "L'Orient Today",
    d(2025, 10, 15),
    "https://today.lorientlejour.com/article/1481251/israel-says-one-body-returned-by-hamas-not-former-hostage.html",
)
_s(
    "TL-2025-10-15-1",
    "Hamas says it has handed over all hostage remains it can reach",
    "NZ Herald",
    d(2025, 10, 15),
    "https://www.nzherald.co.nz/world/hamas-says-it-has-handed-over-all-hostage-remains-it-can-reach/WSKYCA2SQRFPVMEAFWLG2H7OHY/",
)
_s(
    "TL-2025-10-15-2",
    "Red Cross: Israel returns 30 Palestinian bodies to Gaza",
    "Caliber.az",
    None,
    "https://caliber.az/en/post/red-cross-israel-returns-30-palestinian-bodies-to-gaza",
    approx=True,
    note="dated 2025-10 (undated excerpt) in the register",
)
_s(
    "TL-2025-10-17-1",
    "Update: Red Cross retrieves another body of dead hostage in Gaza, Israel says (copy of BBC report)",
    "thebadely/thebadely.github.io (GitHub mirror of BBC text)",
    d(2025, 10, 17),
    "github:thebadely/thebadely.github.io/_posts/2025-10-17-update-red-cross-retrieves-another-body-of-dead-hostage-in-gaza-israel-says.md",
    note="third-party copy in a public GitHub repository",
)
_s(
    "TL-2025-10-19-1",
    "Israel strikes Gaza after alleged Hamas attack, testing ceasefire",
    "Saudi Gazette",
    d(2025, 10, 19),
    "https://cdn.saudigazette.com.sa/article/655841/World/Israel-launches-airstrikes-in-Gaza-after-Hamas-attack-testing-US-brokered-ceasefire",
)
_s(
    "TL-2025-10-19-2",
    "Hamas gives bodies of 2 Israelis to Red Cross under ceasefire deal (AA)",
    "Hurriyet Daily News",
    d(2025, 10, 19),
    "https://www.hurriyetdailynews.com/hamas-gives-bodies-of-2-israelis-to-red-cross-under-ceasefire-deal-214803",
)
_s(
    "TL-2025-10-19-3",
    "Israel halts aid to Gaza until further notice as renewed fighting tests ceasefire (AP)",
    "KBZK",
    d(2025, 10, 19),
    "https://www.kbzk.com/world/israel-at-war/israel-halts-aid-to-gaza-until-further-notice-as-renewed-fighting-tests-ceasefire",
)
_s(
    "TL-2025-10-19-4",
    "Israel Restores Ceasefire, Resumes Aid Deliveries After Gaza Airstrikes Kill 26",
    "Readno",
    None,
    "https://readno.com/israel-restores-ceasefire-resumes-aid-deliveries-after-gaza-airstrikes-kill-26",
    approx=True,
    note="dated 2025-10 (undated excerpt; content refers to 19-20 Oct) in the register",
)
_s(
    "TL-2025-10-19-5",
    "Gaza ceasefire update: Israel strikes Gaza after it says Hamas attacked (AP)",
    "NewsFinale",
    None,
    "https://newsfinale.com/?p=9240418",
    approx=True,
    note="dated 2025-10 (undated excerpt) in the register",
)
_s(
    "TL-2025-10-20-1",
    "Israel reports renewed ceasefire, aid deliveries after Gaza strikes (Reuters-based)",
    "Ogreszinas",
    None,
    "https://ogreszinas.news/israel-reports-renewed-ceasefire-aid-deliveries-after-gaza-strikes",
    approx=True,
    note="dated 2025-10 (undated excerpt) in the register",
)
_s(
    "TL-2025-10-20-2",
    "Vance: No security infrastructure to ensure Hamas is disarmed",
    "Israel National News",
    d(2025, 10, 20),
    "https://www.israelnationalnews.com/news/416493",
)
_s(
    "TL-2025-10-21-1",
    "Vance Touts Gaza Ceasefire Progress in Israel",
    "Particle News",
    None,
    "https://particlenews.pages.dev/story/vance-touts-gaza-ceasefire-progress-in-israel-as-netanyahu-signals-opposition-to-turkish-role",
    approx=True,
    note="dated 2025-10 (undated excerpt) in the register",
)
_s(
    "TL-2025-10-21-2",
    "Headlines October 21, 2025",
    "Democracy Now!",
    d(2025, 10, 21),
    "https://www.democracynow.org/2025/10/21/headlines",
)
_s(
    "TL-2025-10-21-3",
    "CENTCOM: no US troops to be stationed in Gaza; CMCC being set up (German)",
    "Wienbuzz",
    None,
    "https://wienbuzz.com/?p=35372",
    approx=True,
    note="dated 2025-10 (undated excerpt) in the register",
)
_s(
    "TL-2025-10-26-1",
    "Breaking: Egypt and Red Cross join search for hostage bodies in Gaza (copy of BBC report)",
    "thebadely/thebadely.github.io (GitHub mirror of BBC text)",
    d(2025, 10, 26),
    "github:thebadely/thebadely.github.io/_posts/2025-10-26-breaking-egypt-and-red-cross-join-search-for-hostage-bodies-in-gaza.md",
    note="third-party copy in a public GitHub repository",
)
_s(
    "TL-2025-10-26-2",
    "Red Cross accompanies Hamas in search for bodies (Guardian summary)",
    "kachess-dev/kachess.dev (GitHub mirror)",
    d(2025, 10, 27),
    "https://www.theguardian.com/world/2025/oct/27/red-cross-accompanies-hamas-in-search-for-bodies-of-israeli-hostages-in-gaza",
    note="third-party copy in a public GitHub repository",
)
_s(
    "TL-2025-10-28-1",
    "Death toll of Israeli strikes on Gaza reaches 104",
    "TASS",
    d(2025, 10, 29),
    "https://tass.com/world/2036755",
)
_s(
    "TL-2025-10-28-2",
    "Israel says Gaza ceasefire back on after deadly strikes kill 104",
    "IBC World News",
    d(2025, 10, 29),
    "https://ibcworldnews.com/2025/10/29/israel-says-gaza-ceasefire-back-on-after-deadly-strikes-kill-104-palestinians/",
)
_s(
    "TL-2025-10-28-3",
    "Gaza: Israeli strikes kill at least 100 (UPI)",
    "TopNews",
    d(2025, 10, 29),
    "https://1375.topnews.com/en/society/?article=8257973864969505251-23cb250b423d53bf33&thread=1301177587084359459",
)
_s(
    "TL-2025-10-31-1",
    "Gaza death toll rises as Hamas rejects aid looting allegations",
    "Daily News Egypt",
    d(2025, 11, 2),
    "https://www.dailynewsegypt.com/2025/11/02/gaza-death-toll-rises-as-hamas-rejects-aid-looting-allegations",
)
_s(
    "TL-2025-11-03-1",
    "Israel hands over bodies of 45 Palestinians",
    "A News",
    d(2025, 11, 4),
    "https://www.anews.com.tr/world/2025/11/04/israel-hands-over-bodies-of-45-palestinians",
)
_s(
    "TL-2025-11-07-1",
    "New: Israel receives coffin Hamas says contains body of Gaza hostage (copy of BBC report)",
    "thebadely/thebadely.github.io (GitHub mirror of BBC text)",
    d(2025, 11, 7),
    "github:thebadely/thebadely.github.io/_posts/2025-11-07-new-israel-receives-coffin-hamas-says-contains-body-of-gaza-hostage.md",
    note="third-party copy in a public GitHub repository",
)
_s(
    "TL-2025-11-09-1",
    "Israel says Red Cross receives remains of hostage (AFP)",
    "LBCI",
    d(2025, 11, 9),
    "https://www.lbcgroup.tv/news/middleeastnews/889072/israel-says-red-cross-receives-remains-of-hostage-which-hamas-says-bel/en",
)
_s(
    "TL-2025-11-09-2",
    "Hamas hands over remains of Israeli officer after 11 years (AP)",
    "SunStar",
    d(2025, 11, 10),
    "https://www.sunstar.com.ph/network/hamas-hands-over-remains-of-israeli-officer-after-11-years",
)
_s(
    "TL-2025-11-09-3",
    "US envoy pushes Israel-Hamas truce as first phase nears end (AP)",
    "UNB",
    d(2025, 11, 10),
    "https://unb.com.bd/category/world/us-envoy-pushes-israel-hamas-truce-as-first-phase-nears-end/172684",
)
_s(
    "TL-2025-11-09-4",
    "Hamas hands over remains of Goldin: 24th deceased hostage",
    "WION",
    d(2025, 11, 9),
    "https://www.wionews.com/world/hamas-hands-over-remains-claimed-to-be-israeli-officer-hadar-goldin-says-idf-1762692755240",
)
_s(
    "TL-2025-11-17-1",
    "United Nations Security Council Resolution 2803 (Wikipedia mirror)",
    "Wikipedia (mirror)",
    None,
    "http://70.231.62.181/index.php/Resolution_2803",
    note="dated 2025-11 in the register",
)
_s(
    "TL-2025-11-17-2",
    "UN Security Council adopts resolution establishing stabilization force in Gaza (Xinhua)",
    "MIL-OSI",
    d(2025, 11, 18),
    "https://translation1.mil-osi.com/2025/11/18/%d1%81%d0%be%d0%b2%d0%b1%d0%b5%d0%b7-%d0%be%d0%be%d0%bd-%d0%be%d0%b4%d0%be%d0%b1%d1%80%d0%b8%d0%bb-%d1%81%d0%be%d0%b7%d0%b4%d0%b0%d0%bd%d0%b8%d0%b5-%d0%bc%d0%b5%d0%b6%d0%b4%d1%83%d0%bd%d0%b0%d1%80",
)
_s(
    "TL-2025-11-26-1",
    "Israel returns 15 Palestinian bodies to Gaza: health ministry (AFP)",
    "Straits Times",
    d(2025, 11, 26),
    "https://www.straitstimes.com/world/middle-east/israel-returns-15-palestinian-bodies-to-gaza-health-ministry-in-hamas-run-territory",
)
_s(
    "TL-2025-11-26-2",
    "Israel returns 15 more Palestinian bodies to Gaza as first phase nears end (AP)",
    "Egyptian Gazette",
    d(2025, 11, 26),
    "https://egyptian-gazette.com/world/israel-returns-15-more-palestinian-bodies-to-gaza-as-first-phase-nears-end",
)
_s(
    "TL-2025-12-03-1",
    "Israel Receives Remains Of Thai Hostage From Gaza",
    "Evrim Agaci",
    None,
    "https://evrimagaci.org/gpt/israel-receives-remains-of-thai-hostage-from-gaza-518771",
    approx=True,
    note="dated 2025-12 (undated excerpt) in the register",
)
_s(
    "TL-2025-12-03-2",
    "Remains of last Thai hostage in Gaza identified, returned (AP)",
    "The Globe and Atlas",
    d(2025, 12, 4),
    "https://theglobeandatlas.com/remains-of-last-thai-hostage-in-gaza-identified-returned",
)
_s(
    "TL-2025-12-07-1",
    "Is Israel annexing more than half of Gaza?",
    "Al Majalla",
    None,
    "https://en.majalla.com/node/329296/politics/israel-annexing-more-half-gaza",
    note="dated 2026-01 in the register",
)
_s(
    "TL-2025-12-07-2",
    "IDF: the demarcation line inside Gaza is the new border (in Greek)",
    "Ta Nea",
    d(2025, 12, 7),
    "https://www.tanea.gr/2025/12/07/world/idf-i-grammi-oriothetisis-entos-tis-gazas-einai-to-neo-synoro-me-to-israil/",
)
_s(
    "TL-2025-12-10-1",
    "Gaza aid flow falls short of ceasefire terms, analysis of Israeli figures shows (AP)",
    "National Herald",
    d(2025, 12, 10),
    "https://www.nationalheraldindia.com/international/gaza-aid-flow-falls-short-of-ceasefire-terms-analysis-of-israeli-figures-shows",
)
_s(
    "TL-2025-12-10-2",
    "Aid to Gaza far below ceasefire commitments (AP)",
    "Daijiworld",
    d(2025, 12, 11),
    "https://www.daijiworld.com/news/newsDisplay?newsID=1300485",
)
_s(
    "TL-2026-01-14-1",
    "US Announces Launch Of Phase Two Of Gaza Plan, Says Witkoff",
    "MENAFN",
    d(2026, 1, 14),
    "https://menafn.com/1110600071/US-Announces-Launch-Of-Phase-Two-Of-Gaza-Plan-Says-Witkoff",
)
_s(
    "TL-2026-01-14-2",
    "U.S. envoy announces launch of phase two",
    "The Yeshiva World",
    d(2026, 1, 14),
    "https://www.theyeshivaworld.com/news/israel-news/2499088/u-s-envoy-announces-launch-of-phase-two-of-trump-plan-to-end-gaza-war-despite-hostage-still-in-captivity.html",
)
_s(
    "TL-2026-01-14-3",
    "US begins second phase of Gaza plan, sets up Palestinian Technocratic Committee",
    "MyInd",
    d(2026, 1, 15),
    "https://myind.net/Home/viewArticle/us-begins-second-phase-of-gaza-plan-sets-up-palestinian-technocratic-committee",
)
_s(
    "TL-2026-01-16-1",
    "Netanyahu rebukes Trump over Gaza Executive Board",
    "Ynet News",
    d(2026, 1, 17),
    "https://www.ynetnews.com/article/bjj684fs11x",
)
_s(
    "TL-2026-01-16-2",
    "Israel says US Gaza executive board composition against its policy (Reuters)",
    "Straits Times",
    d(2026, 1, 17),
    "https://www.straitstimes.com/world/middle-east/israel-says-us-gaza-executive-board-composition-against-its-policy",
)
_s(
    "TL-2026-01-16-3",
    "Trump announces Board of Peace for Gaza (in Filipino)",
    "Bombo Radyo",
    None,
    "https://www.bomboradyo.com/trump-inanunsiyo-ang-pagbuo-ng-board-of-peace-para-sa-gaza",
    note="dated 2026-01 in the register",
)
_s(
    "TL-2026-01-22-1",
    "Trump launches Board of Peace in Davos with over 20 countries signing charter",
    "IntelliNews",
    d(2026, 1, 22),
    "https://new.intellinews.com/articles/trump-launches-board-of-peace-in-davos-with-over-20-countries-signing-charter-421646",
)
_s(
    "TL-2026-01-22-2",
    "Davos: Trump signs charter establishing Board of Peace",
    "New Telegraph",
    d(2026, 1, 22),
    "https://newtelegraphng.com/davos-trump-signs-charter-establishing-board-of-peace/",
)
_s(
    "TL-2026-01-22-3",
    "Indonesia's President to Join First 'Board of Peace' Meeting",
    "Three Circle",
    None,
    "https://threecircle.in/indonesias-president-to-join-first-board-of-peace-meeting-in-washington-amid-gaza-recovery-talks",
    note="dated 2026-02 in the register",
)
_s(
    "TL-2026-01-26-1",
    "Remains of last Israeli hostage found in Gaza, says military",
    "The Independent",
    d(2026, 1, 26),
    "https://www.the-independent.com/news/world/middle-east/ran-gvili-israel-hostage-gaza-hamas-b2907723.html",
)
_s(
    "TL-2026-01-26-2",
    "Israel recovers body of last captive held in Gaza",
    "Albawaba",
    d(2026, 1, 26),
    "https://www.albawaba.com/news/israel-recovers-body-last-captive-held-1620983",
)
_s(
    "TL-2026-01-26-3",
    "Body of last remaining hostage retrieved from Gaza, Israel says (ABC)",
    "WEIS Radio",
    d(2026, 1, 26),
    "https://weisradio.com/2026/01/26/body-of-last-remaining-hostage-retrieved-from-gaza-israel-says",
)
_s(
    "TL-2026-01-29-1",
    "Israel Returns 15 Palestinian Bodies to Gaza as Ceasefire Exchange's First Phase Concludes",
    "Agentic Tribune",
    d(2026, 1, 30),
    "https://agentictribune.com/article/20260130-israel-returns-15-palestinian-bodies-to-gaza-as-ceasefire-exchange-s-first-phase-concludes",
)
_s(
    "TL-2026-02-02-1",
    "Rafah crossing reopens with EU Support",
    "EEAS / EUBAM Rafah",
    d(2026, 2, 2),
    "https://www.eeas.europa.eu/eubam-rafah/rafah-crossing-reopens-eu-support_en",
)
_s(
    "TL-2026-02-02-2",
    "Israel reopens Gaza's Rafah border crossing with Egypt, with limits (Reuters)",
    "CNA",
    d(2026, 2, 2),
    "https://www.channelnewsasia.com/world/israel-reopen-gaza-rafah-border-crossing-egypt-limits-5900561?cid=cna_flip_070214",
)
_s(
    "TL-2026-02-02-3",
    "EU border mission returns to Rafah as crossing reopens under strict limits",
    "Turkiye Today",
    d(2026, 2, 3),
    "https://www.turkiyetoday.com/region/eu-border-mission-returns-to-rafah-as-crossing-reopens-under-strict-limits-3213938",
)
_s(
    "TL-2026-02-15-1",
    "At least 11 Palestinians killed in Israeli attacks across Gaza",
    "Al Jazeera",
    d(2026, 2, 15),
    "https://www.aljazeera.com/news/2026/2/15/at-least-11-palestinians-killed-in-israeli-attacks-across-gaza?traffic_source=rss",
)
_s(
    "TL-2026-02-16-1",
    "Hamas dismisses Israel's 60-day deadline to disarm",
    "Press TV",
    d(2026, 2, 17),
    "https://www.presstv.co.uk/Detail/2026/02/17/764217/Hamas-dismisses-Israel’s-60-day-deadline-to-disarm-or-face-renewed-war-in-Gaza",
)
_s(
    "TL-2026-02-19-1",
    "Trump gets pledges for Gaza reconstruction and troop commitments at inaugural Board of Peace talks (AP)",
    "Bastille Post",
    d(2026, 2, 20),
    "https://www.bastillepost.com/global/article/5625265-trump-gathers-members-of-board-of-peace-for-first-meeting-with-some-us-allies-wary-of-new-body",
)
_s(
    "TL-2026-02-19-2",
    "Trump to chair Board of Peace meeting Feb 19",
    "Republic World",
    d(2026, 2, 19),
    "https://www.republicworld.com/world-news/trump-to-chair-board-of-peace-meeting-feb-19-oversee-gaza-security-talks-white-house",
)
_s(
    "TL-2026-02-19-3",
    "Trump contributes $10 billion for Board of Peace (AP)",
    "NDTV Profit",
    d(2026, 2, 19),
    "https://www.ndtvprofit.com/world/trump-contributes-10-billion-for-board-of-peace-does-not-specify-the-purpose-of-the-money-11072852/amp/1",
)
_s(
    "TL-2026-04-07-1",
    "Hamas armed wing says disarmament calls are unacceptable",
    "NarrativeRadar",
    d(2026, 4, 7),
    "https://narrativeradar.io/event/hamas-armed-wing-says-disarmament-calls-are-unacceptable-49fbc73b",
)
_s(
    "TL-2026-05-19-1",
    "Board of Peace will ask the UN Security Council to press Hamas to disarm (AP)",
    "Manila Bulletin",
    d(2026, 5, 20),
    "https://mb.com.ph/2026/05/20/board-of-peace-will-ask-the-un-security-council-to-press-hamas-to-disarm",
)
_s(
    "TL-2026-05-19-2",
    "Board of Peace envoy warns 'permanent' Gaza divide under current status quo (Al Jazeera)",
    "ScoopFeeds",
    d(2026, 5, 21),
    "https://scoopfeeds.com/article/c1cc22b4-c796-56a5-b532-fec39d6f5979",
)


# Sources of the 2026 register that the plan's later versions cite (the dataset holds the same
# sources under the same tags: tests hold each tag to one source).
_s(
    "TL-2026-05-21-1",
    "Roadmap thread (1/16) following the UN Security Council briefing",
    "Thread Reader (copy of Mladenov post on X)",
    d(2026, 5, 21),
    "https://threadreaderapp.com/scrolly/2057472417153401063",
)
_s(
    "TL-2026-05-21-2",
    "Finally a plan for Gaza",
    "Gershon Baskin (Substack)",
    d(2026, 5, 22),
    "https://gershonbaskin.substack.com/p/finally-a-plan-for-gaza",
)
_s(
    "TL-2026-05-21-3",
    "Mladenov outlines 15-point roadmap",
    "Al-Quds",
    d(2026, 5, 21),
    "https://alquds.com/he/posts/240848",
)
_s(
    "TL-2026-05-21-4",
    "Mladenov rolls out 15-point Gaza strategy",
    "Jooish",
    d(2026, 5, 21),
    "https://jooish.app/posts/cmpfyg5i90005qx0lrajalin4",
)
_s(
    "TL-2026-05-21-5",
    "Mladenov 15-point roadmap for Gaza",
    "Nikk News",
    d(2026, 5, 21),
    "https://news.nikk.co.il/?p=275182",
)
_s(
    "TL-2026-07-31-1",
    "Conflict dashboard, Gaza card and news items [GitHub news digest (stored copy 61928992560)]",
    "GitHub news dashboard/digest (third-party, AI-assisted)",
    d(2026, 8, 1),
    None,
    note="A third-party news digest or dashboard kept in a public GitHub repository, often machine-written; its repository is not recorded. The primary outlet it cites was not read.",
)
_s(
    "TL-2026-07-31-2",
    "Political Academy unit on Israel (cites Al Jazeera 31 Jul, WaPo 30 Jul) [GitHub news digest (stored copy 70597637198)]",
    "GitHub news dashboard/digest (third-party, AI-assisted)",
    d(2026, 9, 28),
    None,
    note="A third-party news digest or dashboard kept in a public GitHub repository, often machine-written; its repository is not recorded. The primary outlet it cites was not read.",
)
_s(
    "TL-2026-07-31-3",
    "Japanese-language daily news build (Kyodo items) [GitHub news digest (stored copy 60894146914)]",
    "GitHub news dashboard/digest (third-party, AI-assisted)",
    d(2026, 8, 10),
    None,
    note="A third-party news digest or dashboard kept in a public GitHub repository, often machine-written; its repository is not recorded. The primary outlet it cites was not read.",
)
_s(
    "TL-2026-07-31-4",
    "Japanese news digest (Hamas official on weapons and phased withdrawal) [GitHub news digest (stored copy 60814716489)]",
    "GitHub news dashboard/digest (third-party, AI-assisted)",
    d(2026, 7, 31),
    None,
    note="A third-party news digest or dashboard kept in a public GitHub repository, often machine-written; its repository is not recorded. The primary outlet it cites was not read.",
)
_s(
    "TL-2026-07-31-5",
    "Iran-war daily brief, Day 189 (Gaza section) [GitHub news digest (stored copy 59768700013)]",
    "GitHub news dashboard/digest (third-party, AI-assisted)",
    d(2026, 9, 4),
    None,
    note="A third-party news digest or dashboard kept in a public GitHub repository, often machine-written; its repository is not recorded. The primary outlet it cites was not read.",
)
_s(
    "TL-2026-07-31-6",
    "Dashboard item on Kushner timetable [GitHub news digest (stored copy 59703473821)]",
    "GitHub news dashboard/digest (third-party, AI-assisted)",
    None,
    None,
    note="The register dates it: undated (after 31 Jul 2026). A third-party news digest or dashboard kept in a public GitHub repository, often machine-written; its repository is not recorded. The primary outlet it cites was not read.",
)
_s(
    "TL-2026-06-20-1",
    "Conflict dashboard explainer, Gaza section [GitHub news digest (stored copy 62010667032)]",
    "GitHub news dashboard/digest (third-party, AI-assisted)",
    None,
    None,
    note="The register dates it: 2026-08 (as of mid-Aug). A third-party news digest or dashboard kept in a public GitHub repository, often machine-written; its repository is not recorded. The primary outlet it cites was not read.",
)
_s(
    "TL-2026-08-09-1",
    "BBC headline dashboard [GitHub news digest (stored copy 58299582631)]",
    "GitHub news dashboard/digest (third-party, AI-assisted)",
    d(2026, 8, 10),
    None,
    note="A third-party news digest or dashboard kept in a public GitHub repository, often machine-written; its repository is not recorded. The primary outlet it cites was not read.",
)
_s(
    "TL-2026-08-09-2",
    "BBC headline dashboard [GitHub news digest (stored copy 58233512990)]",
    "GitHub news dashboard/digest (third-party, AI-assisted)",
    d(2026, 8, 10),
    None,
    note="A third-party news digest or dashboard kept in a public GitHub repository, often machine-written; its repository is not recorded. The primary outlet it cites was not read.",
)
_s(
    "TL-2026-09-04-1",
    "Iran-war daily brief, Day 194 [GitHub news digest (stored copy 66230412172)]",
    "GitHub news dashboard/digest (third-party, AI-assisted)",
    d(2026, 9, 9),
    None,
    note="A third-party news digest or dashboard kept in a public GitHub repository, often machine-written; its repository is not recorded. The primary outlet it cites was not read.",
)
_s(
    "TL-2026-09-04-2",
    "Iran-war daily brief, Day 196 [GitHub news digest (stored copy 66035502353)]",
    "GitHub news dashboard/digest (third-party, AI-assisted)",
    d(2026, 9, 11),
    None,
    note="A third-party news digest or dashboard kept in a public GitHub repository, often machine-written; its repository is not recorded. The primary outlet it cites was not read.",
)
_s(
    "TL-2026-09-04-3",
    "Iran-war daily brief, Day 200 [GitHub news digest (stored copy 68570393362)]",
    "GitHub news dashboard/digest (third-party, AI-assisted)",
    d(2026, 9, 15),
    None,
    note="A third-party news digest or dashboard kept in a public GitHub repository, often machine-written; its repository is not recorded. The primary outlet it cites was not read.",
)
