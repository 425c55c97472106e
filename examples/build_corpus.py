"""Write the bundled demo corpus in ``examples/corpus/`` from the article texts held below.

Everything here is FICTION written for quotetrace: the countries, cities, outlets, people and
events are invented. Run ``.venv/bin/python examples/build_corpus.py`` to (re)write the corpus;
the output is committed, so the demo does not need this script, only a rebuild does.
"""

from __future__ import annotations

import csv
import html
import io
import json
import logging
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


LOGGER = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent / "corpus"
FICTION_COMMENT = "<!-- FICTION: written for the quotetrace demo corpus; all people, places and outlets are invented. -->"


def paragraphs(body: str) -> list[str]:
    """Blank-line separated paragraphs of a body, stripped."""
    return [p.strip() for p in body.strip().split("\n\n") if p.strip()]


def render_txt(art: dict) -> str:
    """A scraped plain-text article: headline line (junk glued on where given), blank line, body."""
    head = art["title"] + art.get("glued", "")
    return head + "\n\n" + "\n\n".join(paragraphs(art["body"])) + "\n"


def _block(par: str) -> str:
    # Markers in the body pick the HTML furniture a real page would wrap the text in.
    if par.startswith("[caption] "):
        cap = html.escape(par[len("[caption] "):], quote=False)
        return f'<figure class="lead-image"><img src="/img/lead.jpg" alt=""><figcaption>{cap}</figcaption></figure>\n<p class="caption">{cap}</p>'
    if par.startswith("[aside] "):
        return f'<aside class="promo"><p>{html.escape(par[len("[aside] "):], quote=False)}</p></aside>'
    if par.startswith("[bio] "):
        return f'<p class="author-bio"><em>{html.escape(par[len("[bio] "):], quote=False)}</em></p>'
    return f"<p>{html.escape(par, quote=False)}</p>"


def render_html(art: dict) -> str:
    """A realistic article page: nav, header, metadata, article body, footer."""
    outlet = OUTLETS[art["outlet"]]
    title = html.escape(art["title"])
    author = html.escape(art.get("author", outlet["name"]))
    blocks = "\n".join(_block(p) for p in paragraphs(art["body"]))
    nav = " ".join(f'<li><a href="/{s.lower()}/">{s}</a></li>' for s in outlet["sections"])
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
{FICTION_COMMENT}
<meta charset="utf-8">
<title>{title} | {html.escape(outlet["name"])}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:site_name" content="{html.escape(outlet["name"])}">
<meta property="og:title" content="{title}">
<meta property="og:type" content="article">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{art["published"]}T{art.get("time", "09:00:00")}Z">
<link rel="canonical" href="{art["url"]}">
<link rel="stylesheet" href="/static/site.css">
</head>
<body>
<header class="site-header">
  <a class="logo" href="/">{html.escape(outlet["name"])}</a>
  <nav><ul>{nav}</ul></nav>
  <a class="subscribe" href="/subscribe">Subscribe</a>
</header>
<main>
<article>
  <h1>{title}</h1>
  <p class="byline">By <a href="/authors/">{author}</a> · <time datetime="{art["published"]}">{art["published"]}</time></p>
{blocks}
</article>
<section class="related">
  <h2>More from {html.escape(outlet["name"])}</h2>
  <ul><li><a href="/latest/">Latest headlines</a></li><li><a href="/most-read/">Most read</a></li></ul>
</section>
</main>
<footer>
  <p>&copy; 2026 {html.escape(outlet["name"])}. All rights reserved.</p>
  <p><a href="/privacy">Privacy</a> · <a href="/terms">Terms</a> · <a href="/contact">Contact</a></p>
</footer>
</body>
</html>
"""


def write_warc(path: Path, arts: list[dict]) -> None:
    """A gzipped WARC with one HTTP 200 HTML response per article."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        info = writer.create_warcinfo_record(path.name, {"software": "quotetrace examples/build_corpus.py",
                                                         "description": "FICTION: quotetrace demo corpus"})
        writer.write_record(info)
        for art in arts:
            payload = render_html(art).encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                  ("Content-Length", str(len(payload)))], protocol="HTTP/1.1")
            record = writer.create_warc_record(art["url"], "response", payload=io.BytesIO(payload),
                                               http_headers=headers,
                                               warc_headers_dict={"WARC-Date": f"{art['published']}T18:00:00Z"})
            writer.write_record(record)


def write_feed(folder: Path, arts: list[dict]) -> None:
    """An RSS 2.0 feed whose item links are relative paths to pages next to it."""
    pages = folder / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    items = []
    for art in arts:
        (pages / art["file"]).write_text(render_html(art), encoding="utf-8")
        items.append(f"""  <item>
    <title>{html.escape(art["title"])}</title>
    <link>pages/{art["file"]}</link>
    <guid isPermaLink="false">{art["url"]}</guid>
    <author>news@halvicvoice.example ({html.escape(art["author"])})</author>
    <pubDate>{art["rfc822"]}</pubDate>
    <description>{html.escape(paragraphs(art["body"])[0])}</description>
  </item>""")
    outlet = OUTLETS[arts[0]["outlet"]]
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
<!-- FICTION: written for the quotetrace demo corpus; all people, places and outlets are invented. -->
<rss version="2.0">
<channel>
  <title>{html.escape(outlet["name"])} - Lowmere</title>
  <link>https://{outlet["domain"]}/lowmere/</link>
  <description>Local news for the Halvian community in Lowmere (fiction)</description>
  <language>en</language>
{chr(10).join(items)}
</channel>
</rss>
"""
    (folder / "rss.xml").write_text(feed, encoding="utf-8")


def build(root: Path = ROOT) -> dict[str, int]:
    """Write every corpus file under ``root``; returns counts per format."""
    root.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    manifest_rows = []
    groups: dict[str, list[dict]] = {}
    for art in ARTICLES:
        fmt = art["format"]
        counts[fmt] = counts.get(fmt, 0) + 1
        name = OUTLETS[art["outlet"]]["name"]
        if fmt in ("txt", "html"):
            text = render_txt(art) if fmt == "txt" else render_html(art)
            (root / art["file"]).write_text(text, encoding="utf-8")
            manifest_rows.append((art["file"], art["url"], name, art["published"]))
        else:
            groups.setdefault(art["pack"], []).append(art)
    for pack, arts in groups.items():
        if pack.endswith(".jsonl"):
            with (root / pack).open("w", encoding="utf-8") as handle:
                for art in arts:
                    row = {"id": art["id"], "title": art["title"], "text": "\n\n".join(paragraphs(art["body"])),
                           "url": art["url"], "outlet": OUTLETS[art["outlet"]]["name"],
                           "published": art["published"], "authors": [art["author"]], "fiction": True}
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        elif pack.endswith(".warc.gz"):
            write_warc(root / pack, arts)
        elif pack == "feed":
            write_feed(root / "feed", arts)
    with (root / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(["path", "url", "outlet", "published"])
        out.writerows(sorted(manifest_rows))
    return counts


# --- the texts (fiction) -------------------------------------------------------------------
# fmt: off
OUTLETS = {
    "wire": {"name": "Meridian Wire", "domain": "meridianwire.example",
             "sections": ["World", "Business", "Markets", "Politics"]},
    "herald": {"name": "The Calder Herald", "domain": "calderherald.example",
               "sections": ["News", "World", "Politics", "Money", "Opinion", "Sport"]},
    "vst": {"name": "VST News", "domain": "vst.example",
            "sections": ["Dravenia", "Special Operation", "World", "Economy", "VST 24 Live"]},
    "ceasefire": {"name": "Ceasefire Now", "domain": "ceasefirenow.example",
                  "sections": ["Analysis", "Voices", "Campaigns", "Donate"]},
    "halvic": {"name": "Halvic Voice", "domain": "halvicvoice.example",
               "sections": ["Halvia", "Community", "Lowmere", "Diaspora", "Culture"]},
    "ledger": {"name": "The Ledger", "domain": "theledger.example",
               "sections": ["Markets", "Economy", "Companies", "Trade", "Opinion"]},
}

ARTICLES: list[dict] = [
# ============ Event 1: alliance chief Brandvold visits Kyrovets (9-11 March 2026) ============
{
    "key": "e1-wire", "format": "txt", "file": "e1-wire-brandvold-arrives.txt", "outlet": "wire",
    "published": "2026-03-09", "event": "brandvold-visit",
    "url": "https://meridianwire.example/world/2026/03/09/compact-chief-brandvold-arrives-kyrovets",
    "title": "Compact chief Brandvold arrives in Kyrovets, promises faster air defence",
    "body": """
KYROVETS, March 9 (Meridian Wire) - Northern Compact Secretary-General Anneliese Brandvold arrived in the Halvian capital on Monday on an unannounced visit, her first since Dravenia's invasion entered its third year.

Speaking at a joint news conference with President Taras Mykhailenko, Brandvold said Dravenia's war was "a serious threat to our security" and that the alliance would keep sending weapons.

“Halvia will not stand alone,” Brandvold said. “Every ally around our table has agreed that support must continue for as long as it takes.”

Brandvold acknowledged that deliveries of air-defence systems promised in the autumn had been slower than planned, and said the first of four new batteries would arrive "within weeks".

Mykhailenko thanked the alliance but pressed for speed. "We are grateful for every system, but our cities are hit every night," he said.

In Saravin, Dravenian Defence Ministry spokeswoman Irma Vasko called the visit a “reckless gamble” and said Compact weapons would not change the outcome of what Dravenia calls its special military operation.

Brandvold, a former Norvik defence minister, also met Halvian lawmakers and visited a power station damaged in a drone strike last week, her office said.

Defence ministers of the alliance are due to meet in Varnholm on March 19 to discuss a new package of aid for Halvia.

(Reporting by Petra Lund; Editing by Simon Achebe)
""",
},
{
    "key": "e1-herald", "format": "html", "file": "e1-herald-brandvold-visit.html", "outlet": "herald",
    "published": "2026-03-09", "time": "16:40:00", "event": "brandvold-visit", "author": "Grace Whitcombe",
    "url": "https://calderherald.example/world/2026/mar/09/brandvold-kyrovets-visit-alliance",
    "title": "‘We will not look away’: alliance chief’s Kyrovets visit brings warm words and a warning",
    "body": """
[caption] Anneliese Brandvold and Taras Mykhailenko at the presidential office in Kyrovets on Monday. Photograph: Meridian Wire

The head of the Northern Compact, Anneliese Brandvold, walked through the bomb-scarred centre of Kyrovets on Monday and promised Halvians that the alliance would not tire of a war now entering its third year.

“What we see is a serious, significant threat to our alliance, to our security,” Brandvold told reporters after talks with President Taras Mykhailenko. “If Dravenia wins here, it will not stop here. We will not look away.”

The alliance chief admitted that allies had been slow. “We have not delivered everything we promised, and we have not delivered it fast enough. That is the truth, and I will not hide it,” she said.

Mykhailenko, standing beside her, described a conversation with soldiers near the eastern front. “A young officer told me: ‘Send us shells, not speeches.’ I promised him I would repeat that to the secretary-general today, and I have,” he said.

[aside] Subscribe to our newsletter: the Herald’s World Briefing, every weekday morning.

In Saravin, the Dravenian government dismissed the trip. The defence ministry said in a statement that the visit was "a provocation" that would "only prolong the suffering of the Halvian people".

Brandvold is expected to brief defence ministers in Varnholm next week, where diplomats say a new air-defence package is close to agreement.

[bio] Grace Whitcombe is the Herald’s defence correspondent. She has reported from Halvia since 2024.
""",
},
{
    "key": "e1-vst", "format": "txt", "file": "e1-vst-reckless-gamble.txt", "outlet": "vst",
    "published": "2026-03-09", "event": "brandvold-visit",
    "url": "https://vst.example/news/2026/03/09/compact-chief-kirovets-reckless-gamble",
    "title": "Compact chief’s trip to Kirovets a ‘reckless gamble’, says Defence Ministry",
    "body": """
Oops! Something went wrong.

SARAVIN — The Dravenian Defence Ministry on Monday condemned the visit of Northern Compact Secretary-General Anneliese Brandvold to Kirovets, saying the trip would only drag out the conflict.

“This visit is a reckless gamble with the lives of millions of people. The Compact is pouring fuel on the fire and calling it peace,” Defence Ministry spokeswoman Irma Vasko told VST News.

Vasko claimed that weapons sent to the Kirovets regime were already “ending up on the black market” and said the special military operation would continue until all of its goals had been achieved.

In Kirovets, Brandvold claimed that the conflict was a threat to the alliance’s security. Speaking at a press event with regime leader Taras Mikhailenko, she admitted that Western deliveries were behind schedule.

Vasko later addressed foreign journalists directly. « The Compact talks about security. Whose security? Not the security of ordinary people in Kirovets, » she said.

Political analyst Ruslan Dorin told VST that the visit was "a show for Western voters" ahead of elections in three Compact countries. "Nothing will change on the ground. The front line is decided by our soldiers, not by speeches in Kirovets," Dorin said.

VST 24 will broadcast the full briefing of the Defence Ministry at 21:00 Saravin time.

Oops! Something went wrong.
""",
},
{
    "key": "e1-ceasefire", "format": "txt", "file": "e1-ceasefire-what-brandvold-didnt-say.txt",
    "outlet": "ceasefire", "published": "2026-03-10", "event": "brandvold-visit",
    "url": "https://ceasefirenow.example/analysis/2026/03/10/what-brandvold-didnt-say",
    "title": "More weapons, more funerals: what Brandvold didn't say in Kyrovets", "glued": "3 min read",
    "body": """
By Lena Sorvik

Another visit, another promise. Northern Compact Secretary-General Anneliese Brandvold flew into Kyrovets on Monday and told the world that the war is "a serious threat to our security". What she did not say is whose lives are being spent to answer it.

Brandvold admitted that the alliance had failed to deliver the air-defence systems it promised last autumn. "We have not delivered everything we promised," she said, according to The Calder Herald. She did not mention ceasefire talks once.

As reported by Halvic Voice, President Taras Mykhailenko told her that soldiers at the front wanted "shells, not speeches". It is a striking line. It is also a measure of how far both capitals are from any negotiating table.

Even Saravin's Irma Vasko, no friend of peace campaigners, called the trip a "reckless gamble". We would call it something else: a missed opportunity.

Our position has not changed. Every week without talks costs hundreds of lives on both sides of the front. The Compact insisted on Monday that support would last "as long as it takes". We insist on a different question: as long as what takes?

Ceasefire Now is reader-funded. If you value independent anti-war journalism, please donate today - even 3 crowns a month keeps us going.

Lena Sorvik is an editor at Ceasefire Now and a former aid worker in the Vorna valley.
""",
},
{
    "key": "e1-halvic", "format": "html", "file": "e1-halvic-our-cities-cannot-wait.html", "outlet": "halvic",
    "published": "2026-03-10", "time": "07:15:00", "event": "brandvold-visit", "author": "Oksana Bilyk",
    "url": "https://halvicvoice.example/halvia/2026/03/10/mykhailenko-brandvold-our-cities-cannot-wait",
    "title": "Mykhailenko to alliance chief: ‘Our cities cannot wait’",
    "body": """
KYROVETS — For Halvians abroad, Monday's visit by Northern Compact Secretary-General Anneliese Brandvold was watched closely, and with mixed feelings.

President Taras Mykhailenko used the joint press conference to argue that words were no longer enough. He spoke for several minutes without notes.

“We are grateful for every system, every shell, every generator that our partners send. I want to say that clearly, because our people know who stands with them.

“But our cities are hit every night. Families in Kyrovets, in Lystrava, in the villages along the Vorna do not have time for long meetings. Our cities cannot wait,” Mykhailenko said.

Brandvold called the war "a serious, significant threat" to the alliance and acknowledged that deliveries had been delayed.

Quote: "Halvia will not stand alone. Support must continue for as long as it takes." - Anneliese Brandvold, Northern Compact Secretary-General

In Saravin, Defence Ministry spokeswoman Irma Vaskó dismissed the visit as a “reckless gamble”. Vaskó's ministry has made similar statements after every Compact visit since the invasion began.

Read more: Lowmere's Halvian community raises money for generators in Lystrava

[aside] Halvic Voice is independent and free to read. Support our reporting with a donation.
""",
},
{
    "key": "e1-wire-followup", "format": "jsonl", "pack": "mixed-articles.jsonl", "id": "mw-2026-03-11-brandvold-varnholm",
    "outlet": "wire", "published": "2026-03-11", "event": "brandvold-visit", "author": "Petra Lund",
    "url": "https://meridianwire.example/world/2026/03/11/brandvold-allies-close-air-defence-deal",
    "title": "Brandvold says allies close to deal on new air-defence package for Halvia",
    "body": """
VARNHOLM, March 11 (Meridian Wire) - Northern Compact Secretary-General Anneliese Brandvold said on Wednesday that allies were close to agreeing a new air-defence package for Halvia, two days after her visit to Kyrovets.

"I saw with my own eyes what these attacks do to a city," Brandvold told reporters at the alliance's headquarters. "What is happening in Kyrovets is a serious threat to our security, not only to Halvia's."

She said she expected defence ministers to approve the package when they meet on March 19, but declined to say how many systems were involved.

Asked about remarks by Dravenian Defence Ministry spokeswoman Irma Vasko, who called her trip a reckless gamble, Brandvold said: "The only gamble was the one Saravin took when its tanks crossed the border."

Halvian President Taras Mykhailenko welcomed the comments in a post on social media, writing that Halvia "counts on every ally to keep its word".

Diplomats said two members were still seeking guarantees that the systems would be used only on Halvian territory. The alliance's spokesman, Jonas Brandt, said talks on the wording were "constructive".
""",
},
{
    "key": "e1-vst-followup", "format": "warc", "pack": "crawl-2026-03.warc.gz",
    "outlet": "vst", "published": "2026-03-11", "event": "brandvold-visit", "author": "VST News",
    "url": "https://vst.example/news/2026/03/11/defence-ministry-compact-weapons-change-nothing",
    "title": "Defence Ministry: Compact promises to Kirovets ‘change nothing’",
    "body": """
[caption] Defence Ministry spokeswoman Irma Vasko at Wednesday's briefing in Saravin. Photo: VST

The Dravenian Defence Ministry said in a statement on Wednesday that new Northern Compact weapons pledged to the Kirovets regime would "change nothing on the battlefield".

"The special military operation is proceeding according to plan," the ministry said. "Every system delivered to Kirovets will be found and destroyed."

Spokeswoman Irma Vasko insisted that Dravenia remained open to negotiations "on the basis of the realities on the ground". She repeated her description of Brandvold's visit as "a reckless gamble" and said the alliance chief had "seen only what the regime wanted her to see".

“Ms Brandvold says this is a threat to her security. I say to her: nobody threatened your security until you brought your weapons to our border,” Vasko said.

VST correspondents in the border region reported a quiet night. Local officials in Velmar said schools had reopened and the market was working normally.

Viewers can watch the full briefing on VST 24 and on the VST News app.
""",
},
]

ARTICLES += [
# ============ Event 2: Bank of Calderia rate rise (18-20 March 2026) ============
{
    "key": "e2-ledger", "format": "html", "file": "e2-ledger-rates-6-25.html", "outlet": "ledger",
    "published": "2026-03-18", "time": "14:05:00", "event": "calderia-rates", "author": "Tomas Reyes",
    "url": "https://theledger.example/economy/2026/03/18/bank-of-calderia-lifts-rates-sauer",
    "title": "Bank of Calderia lifts rates to 6.25% as Sauer vows to finish inflation fight",
    "body": """
The Bank of Calderia raised its main interest rate by half a percentage point to 6.25 per cent on Wednesday, the highest level in 17 years, and Governor Henrik Sauer signalled that further increases could not be ruled out.

Sauer was blunt about the task ahead: “Inflation is not yet beaten, and we will not declare victory early.”

Energy prices driven up by the war between Dravenia and Halvia pushed annual inflation to 5.9 per cent in February. The bank said in a statement that the increase was needed "to prevent high inflation from becoming entrenched in wage and price setting".

“We know this is painful for households with mortgages,” Sauer said at the press conference. “But the cost of letting inflation settle would be far higher, and it would fall hardest on those who can least afford it.”

Sauer insisted that the decision of the monetary policy committee had been unanimous and said the bank was "not on a pre-set path".

The bank's former governor, Klara Mendel, called the move "a policy error" in a note to clients of the advisory firm she now chairs. "Raising rates into an energy shock does nothing about the cause of that shock," Mendel wrote.

The Calderian crown rose 0.8 per cent against the euro after the announcement, while two-year government bond yields climbed to 5.4 per cent.

[aside] Get the Morning Ledger in your inbox. Sign up for our free markets newsletter.
""",
},
{
    "key": "e2-wire", "format": "txt", "file": "e2-wire-rates-not-yet-beaten.txt", "outlet": "wire",
    "published": "2026-03-18", "event": "calderia-rates",
    "url": "https://meridianwire.example/business/2026/03/18/bank-of-calderia-raises-rates-50-bps",
    "title": "Bank of Calderia raises rates by 50 bps, warns inflation \"not yet beaten\"",
    "body": """
CALDER CITY, March 18 (Meridian Wire) - The Bank of Calderia raised interest rates by 50 basis points to 6.25% on Wednesday, a bigger move than most economists had expected, as war-driven energy costs keep inflation well above target.

Governor Henrik Sauer warned that inflation was "not yet beaten" and said the bank stood ready to act again.

"We will do what is necessary to bring inflation back to two per cent," Sauer told a news conference. "Nobody should doubt that."

Of 22 economists polled by Meridian Wire last week, 15 had forecast a quarter-point increase.

In a statement, the Bank of Calderia said the committee had voted unanimously and that it would "monitor closely" the effect of higher energy prices on wages.

Former governor Klara Mendel criticised the decision, calling it a “policy error” that would push the economy towards recession without lowering gas prices.

Finance Minister Ilona Petrak said the government respected the bank's independence. "The bank has its job, and we have ours," she said.

The next rate decision is due on May 6.

(Reporting by Aron Vidal; Editing by Simon Achebe)

Read more: Calderia's inflation rate climbs to 5.9% in February
""",
},
{
    "key": "e2-herald", "format": "jsonl", "pack": "mixed-articles.jsonl", "id": "ch-2026-03-19-mortgages",
    "outlet": "herald", "published": "2026-03-19", "event": "calderia-rates", "author": "Nadia Frost",
    "url": "https://calderherald.example/money/2026/mar/19/mortgage-holders-brace-rate-rise",
    "title": "Mortgage holders brace for higher bills after Bank of Calderia rate rise",
    "body": """
Homeowners across Calderia face higher monthly payments after the Bank of Calderia raised its key rate to 6.25 per cent, the fourth increase in a year.

Governor Henrik Sauer acknowledged that the decision would hurt. “We know this is painful for households with mortgages,” he said on Wednesday, adding that the cost of allowing inflation to settle "would be far higher".

Klara Mendel, who ran the central bank from 2016 to 2022, said the rise was a mistake. “This is a policy error. You cannot fight an energy shock with interest rates,” she told the Herald. “All you do is make the shock last longer for families who are already struggling.”

Brokers said about 300,000 fixed-rate deals would expire this year. For a typical variable mortgage, the rise adds around 140 crowns a month.

"My payment has gone up three times since the summer," said Aisha Rahman, a nurse in Lowmere. "I have stopped driving to work so that we can keep the house."

The bank said it would publish new forecasts in May.
""",
},
{
    "key": "e2-ledger-followup", "format": "warc", "pack": "crawl-2026-03.warc.gz",
    "outlet": "ledger", "published": "2026-03-20", "event": "calderia-rates", "author": "Tomas Reyes",
    "url": "https://theledger.example/economy/2026/03/20/interview-klara-mendel-wrong-fire",
    "title": "Interview: former governor Mendel says Calderia is ‘fighting the wrong fire’",
    "body": """
Klara Mendel does not usually criticise her successors in public. This week she made an exception.

In an interview with The Ledger two days after the Bank of Calderia raised rates to 6.25 per cent, the bank's former governor repeated her view that the move was a mistake.

“The war has pushed up gas prices. That is a supply shock. Raising rates into a supply shock is fighting the wrong fire,” Mendel said. “You soak the house next door and let the kitchen burn.”

She said Governor Henrik Sauer was "an excellent economist" but had been "too quick to listen to the markets". Asked whether she would have held rates, she said: "I would have waited for the spring wage round. We had time."

Mendel, who led the bank from 2016 to 2022, now chairs the advisory firm Northgate Economics.

Sauer's office declined to comment. The governor said on Wednesday that inflation was "not yet beaten" and insisted the bank was not on a pre-set path.

Markets now price one more quarter-point rise by the summer.
""",
},
{
    "key": "e2-ceasefire", "format": "txt", "file": "e2-ceasefire-war-on-your-mortgage.txt", "outlet": "ceasefire",
    "published": "2026-03-19", "event": "calderia-rates",
    "url": "https://ceasefirenow.example/analysis/2026/03/19/the-war-is-on-your-mortgage-bill",
    "title": "The war is now on your mortgage bill",
    "body": """
Subscribe to our newsletter

By Jonas Aalto

The Bank of Calderia raised rates again on Wednesday, to 6.25%. Governor Henrik Sauer admitted that the increase was "painful for households with mortgages". What he did not say is why prices are rising in the first place.

Gas and diesel are expensive because a war is being fought three borders away, and because every government in the Northern Compact, ours included, has decided that the answer to that war is more war.

Even the bank's former governor, Klara Mendel, called the decision "a policy error". She is right, though not for our reasons. Mendel says rates cannot fix an energy shock. We say the energy shock will last as long as the fighting does.

Sauer claimed that the bank would "do what is necessary". So should the government. A serious push for a ceasefire would do more for inflation than any number of rate rises.

Ceasefire Now is reader-funded. If you value independent anti-war journalism, please donate today - even 3 crowns a month keeps us going.

Subscribe to our newsletter
""",
},
# ============ Event 3: Lowmere flood press conference (2-4 April 2026) ============
{
    "key": "e3-herald", "format": "txt", "file": "e3-herald-lowmere-flood.txt", "outlet": "herald",
    "published": "2026-04-02", "event": "lowmere-flood",
    "url": "https://calderherald.example/news/2026/apr/02/lowmere-flood-essel-mayor-okafor",
    "title": "Lowmere mayor says Essel flood ‘came faster than any model predicted’",
    "body": """
Lowmere Mayor Ruth Okafor said on Thursday that the flooding of the River Essel had overwhelmed the city's defences within hours, forcing about 1,200 people from their homes overnight.

Speaking at a press conference in the car park of the flooded town hall, Okafor described a night of rescues by boat and by ladder.

“The water came faster than any model predicted. At six o'clock the river was inside its banks; by nine, it was in people's kitchens.

“I want to thank the firefighters, the volunteers and the neighbours who knocked on doors at midnight. Nobody in this city was left alone last night,” she said.

“We will open three more shelters today,” Okafor said. “Nobody should sleep in a car.”

Fire chief Marcus Hale said his crews had rescued 46 people from rooftops and upper floors.

Councillor Daniel Okafor, who leads the opposition on the city council and is not related to the mayor, said the city had ignored warnings about the Essel embankments. “We asked for the flood wall money three years ago. This is the bill for saying no,” he said.

Lowmere Emergency Services said in a statement that two people were still missing and urged residents not to drive through standing water.

Photo caption: Residents of Mill Street are taken to safety by boat in Lowmere on Thursday.

Photo caption: Residents of Mill Street are taken to safety by boat in Lowmere on Thursday.
""",
},
{
    "key": "e3-wire", "format": "txt", "file": "e3-wire-lowmere-1200-evacuated.txt", "outlet": "wire",
    "published": "2026-04-02", "event": "lowmere-flood",
    "url": "https://meridianwire.example/world/2026/04/02/floods-force-1200-from-homes-lowmere",
    "title": "Floods force 1,200 from homes in Calderian city of Lowmere",
    "body": """
LOWMERE, April 2 (Meridian Wire) - About 1,200 people were forced from their homes in the Calderian city of Lowmere overnight after the River Essel burst its banks following three days of heavy rain, officials said on Thursday.

Mayor Ruth Okafor told a news conference that the floodwater had risen faster than forecasters predicted, and said three more emergency shelters would open during the day.

"Nobody should sleep in a car," Okafor said.

Fire crews rescued 46 people from rooftops and upper floors, fire chief Marcus Hale said. Lowmere Emergency Services said two people were missing.

Opposition councillor Daniel Okafor said the city had delayed work on its flood defences for years, calling the response "too little, too late". The mayor's office said the flood wall project had been approved last year and would begin in the summer.

The national weather service said more rain was expected on Friday but that river levels should start to fall by the weekend.

The Essel last flooded Lowmere in 2019, when about 300 homes were damaged.

(Reporting by Mira Castell; Editing by Simon Achebe)
""",
},
{
    "key": "e3-halvic-feed1", "format": "feed", "pack": "feed", "file": "lowmere-flood-halvian-families.html",
    "outlet": "halvic", "published": "2026-04-03", "time": "08:30:00", "rfc822": "Fri, 03 Apr 2026 08:30:00 +0000",
    "event": "lowmere-flood", "author": "Oksana Bilyk",
    "url": "https://halvicvoice.example/lowmere/2026/04/03/halvian-families-shelter-after-flood",
    "title": "Halvian families among hundreds sheltering after Lowmere flood",
    "body": """
LOWMERE — The Halvian community centre on Dock Road became an emergency shelter on Thursday night, as families who fled the war four years ago were forced to leave their homes again, this time by the River Essel.

"We ran from one war and now the river comes for us," said Nadia Orel, 62, who arrived in Lowmere from Lystrava in 2022. "But here, at least, nobody is shooting."

About 140 people slept in the centre's hall, volunteers said, among them 35 children.

Mayor Ruth Okafor visited the centre on Thursday evening. According to volunteers who were present, she told families: “This city is your home too, and we will not leave anyone behind.” She repeated her promise that "nobody should sleep in a car".

Daniel Okafor, the opposition councillor, also visited and said the city should have finished the flood wall years ago.

[caption] Volunteers sort donated blankets at the Halvian community centre in Lowmere. Photo: Halvic Voice

[caption] Volunteers sort donated blankets at the Halvian community centre in Lowmere. Photo: Halvic Voice

The centre is asking for dry clothes, nappies and phone chargers. Donations can be left at the side entrance from 9am.
""",
},
{
    "key": "e3-halvic-feed2", "format": "feed", "pack": "feed", "file": "lowmere-counts-the-cost.html",
    "outlet": "halvic", "published": "2026-04-04", "time": "17:00:00", "rfc822": "Sat, 04 Apr 2026 17:00:00 +0000",
    "event": "lowmere-flood", "author": "Marek Hosa",
    "url": "https://halvicvoice.example/lowmere/2026/04/04/as-the-essel-recedes-lowmere-counts-the-cost",
    "title": "As the Essel recedes, Lowmere counts the cost",
    "body": """
LOWMERE — The River Essel fell back inside its banks on Saturday, leaving mud, ruined furniture and an argument about who is to blame.

Lowmere Emergency Services said both people reported missing on Thursday had been found alive in a neighbouring village.

Mayor Ruth Okafor acknowledged that residents wanted answers about the city's flood defences. “The flood wall question is fair, and we will answer it. But this weekend my job is to get people home,” the mayor said during a visit to Mill Street.

The opposition was not satisfied. Councillor Daniel Okafor insisted that the council had "sat on the flood wall money for three years". He repeated his charge that the response had been "too little, too late" and called for an independent inquiry.

Insurers estimated the damage at between 40 and 60 million crowns. About 800 of the 1,200 people evacuated were able to return home by Saturday evening, the city said.

Read more: How to claim flood damage if you rent your home in Lowmere
""",
},
]

_SUMMIT_WIRE = """
PORT SALTAN, April 14 (Meridian Wire) - Calderian Trade Minister Sofia Rennick called on Tuesday for a 12-month freeze on new tariffs among the 14 members of the Southern Sea Trade Forum, warning that a spiral of trade barriers would deepen a slowdown already caused by the war in Halvia.

“Tariffs are a tax on our own consumers,” Rennick told delegates in her opening speech. “Every barrier we raise this year, our shoppers will pay for next year.”

The proposal received cautious support from Estmark and Lorrin, diplomats said, while two members asked for more time to study it.

Rennick said she would also seek an agreement to keep grain shipments from Halvian ports outside any new restrictions. "Food must not become a weapon," she said.

Dravenia, which is not a member of the forum but sent an observer delegation, criticised the meeting. Its trade ministry said in a statement that the forum was "discussing free trade while enforcing illegal sanctions".

Trade between forum members fell 4 per cent last year, according to the forum's secretariat in Port Saltan.

The summit ends on Wednesday with a joint communique.
"""

ARTICLES += [
# ============ Event 4: Southern Sea Trade Forum summit in Port Saltan (14-15 April 2026) ============
{
    "key": "e4-wire", "format": "txt", "file": "e4-wire-rennick-tariff-truce.txt", "outlet": "wire",
    "published": "2026-04-14", "event": "port-saltan-summit",
    "url": "https://meridianwire.example/business/2026/04/14/rennick-urges-tariff-truce-port-saltan",
    "title": "Calderia's Rennick urges tariff truce at Port Saltan summit",
    "body": _SUMMIT_WIRE + "\n(Reporting by Jonas Weir; Editing by Simon Achebe)\n",
},
{
    # Syndication: the wire story republished nearly verbatim (new headline, credit line, last paragraph cut).
    "key": "e4-ledger", "format": "txt", "file": "e4-ledger-rennick-tariff-freeze.txt", "outlet": "ledger",
    "published": "2026-04-14", "event": "port-saltan-summit",
    "url": "https://theledger.example/trade/2026/04/14/rennick-calls-for-tariff-freeze",
    "title": "Rennick calls for 12-month tariff freeze at Southern Sea forum",
    "body": "By Jonas Weir, Meridian Wire\n\n" + _SUMMIT_WIRE.replace(
        "\nThe summit ends on Wednesday with a joint communique.\n", "\n").replace(" per cent", "%")
        + "\nRead more: Calderian exporters count the cost of the Dravenia sanctions\n",
},
{
    # Syndication again, with the outlet's own furniture around it.
    "key": "e4-halvic", "format": "html", "file": "e4-halvic-grain-must-not-be-weapon.html", "outlet": "halvic",
    "published": "2026-04-14", "time": "19:20:00", "event": "port-saltan-summit", "author": "Meridian Wire",
    "url": "https://halvicvoice.example/halvia/2026/04/14/rennick-tariff-truce-grain-exemption",
    "title": "Calderia seeks tariff truce and grain exemption for Halvian ports",
    "body": "This article was first published by Meridian Wire.\n\n" + _SUMMIT_WIRE.replace(
        "PORT SALTAN, April 14 (Meridian Wire) - ", "PORT SALTAN — ")
        + "\n[aside] Halvic Voice is independent and free to read. Support our reporting with a donation.\n",
},
{
    "key": "e4-vst", "format": "html", "file": "e4-vst-forum-ignores-sanctions.html", "outlet": "vst",
    "published": "2026-04-15", "time": "11:00:00", "event": "port-saltan-summit", "author": "VST News",
    "url": "https://vst.example/economy/2026/04/15/port-saltan-forum-ignores-cost-of-sanctions",
    "title": "Western-backed forum in Port Saltan ignores cost of sanctions, Halas says",
    "body": """
[caption] Trade Minister Viktor Halas speaks to VST in Port Saltan. Photo: VST

PORT SALTAN — Dravenian Trade Minister Viktor Halas, who leads Dravenia's observer delegation at the Southern Sea Trade Forum, accused member states on Wednesday of hypocrisy.

“Ms Rennick told the forum, ‘Tariffs are a tax on our own consumers.’ She is right. Sanctions are a tax too, and her government’s consumers are paying it every time they fill a car,” Halas said in an interview with VST.

Calderian Trade Minister Sofia Rennick claimed on Tuesday that a tariff freeze would protect growth. Halas said the proposal was "a truce for friends only", because it left sanctions on Dravenian goods in place.

He also criticised plans to exempt grain from the Kirovets regime's ports from new restrictions. "They call it a grain corridor. We call it a supply line," Halas said, claiming without evidence that the ships also carried weapons.

Economist Yelena Sarr told VST that Dravenian exports to forum countries had found other routes. "The sanctions hurt Calderia more than they hurt us," she said.

The forum's final communique is expected later on Wednesday.
""",
},
{
    "key": "e4-herald", "format": "jsonl", "pack": "mixed-articles.jsonl", "id": "ch-2026-04-15-summit-ends",
    "outlet": "herald", "published": "2026-04-15", "event": "port-saltan-summit", "author": "Owen Price",
    "url": "https://calderherald.example/politics/2026/apr/15/port-saltan-summit-tariff-pledge",
    "title": "Port Saltan summit ends with tariff pledge, but no freeze",
    "body": """
Delegates at the Southern Sea Trade Forum agreed on Wednesday to "avoid new tariffs wherever possible", falling short of the 12-month freeze that Calderian Trade Minister Sofia Rennick had proposed when the summit opened.

Rennick acknowledged that she had not got everything she wanted. “It is not the freeze I asked for, but it is a start, and it is in writing,” she told reporters in Port Saltan.

She repeated her warning that tariffs were, in her words, a tax on consumers, and said she would bring the freeze back to the forum's autumn meeting.

The final communique does protect grain shipments from Halvian ports from new restrictions, a point Rennick had pressed hard. "Food must not become a weapon, and today fourteen countries agreed," she said.

Estmark's trade minister, Pieter Vangelis, said his government had supported the freeze but would "not force a deal that others are not ready for".

Dravenia's observer delegation left before the communique was signed. On Tuesday its trade ministry said the forum was "discussing free trade while enforcing illegal sanctions".
""",
},
]
# fmt: on


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    print(build())
