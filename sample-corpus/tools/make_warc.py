#!/usr/bin/env python3
"""Build crawl-2020-11.warc and crawl-2020-11.warc.gz for the newsdesk sample corpus.

Standard library only. Run from anywhere:

    python3 sample-corpus/warc/make_warc.py

The output is deterministic (fixed record ids, dates and gzip mtime), so running the
script again produces byte-identical files.

Layout of the WARC/1.0 file:
  1. one ``warcinfo`` record;
  2. for each crawled page a ``request`` record followed by its ``response`` record;
     the response block is an HTTP/1.1 message (status line, headers, blank line, HTML);
  3. after the second article, a request/response pair for a stylesheet
     (``Content-Type: text/css``) that a news reader must skip.

Every record is ``header lines (CRLF) + CRLF + block + CRLF CRLF``; ``Content-Length`` is
the size of the block in bytes (UTF-8). The ``.warc.gz`` file holds each record as its own
gzip member, which is the usual convention, so that decompressing it yields exactly the
``.warc`` file.

All article texts were written for this sample corpus; the outlets are fictional and use
the reserved ``.example`` top-level domain.
"""
import base64
import gzip
import hashlib
import html
import os
import sys
import uuid
from datetime import datetime, timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HERE = os.path.join(ROOT, 'articles')
WARC_NAME = 'crawl-2020-11.warc'
NS = uuid.UUID('6f1c2a3e-0b7d-4d53-9a55-2f0c8e1d7a10')

SITES = {
    'Meridian Wire': {
        'host': 'www.meridianwire.example', 'prefix': 'mw',
        'nav': ['World', 'US', 'Business', 'Markets', 'Politics', 'Technology', 'Health', 'Environment',
                'Sports', 'Lifestyle', 'Pictures', 'Fact check'],
        'newsletter': ('Sign up for the Daily Briefing', 'Top headlines from Meridian Wire, every morning.'),
        'ip': '192.0.2.41',
    },
    'Caucasus Ledger': {
        'host': 'www.caucasusledger.example', 'prefix': 'cl',
        'nav': ['Home', 'Armenia', 'Azerbaijan', 'Georgia', 'Nagorno-Karabakh', 'Russia', 'Turkey', 'Iran',
                'Central Asia', 'Business', 'Opinion', 'Photo', 'Video'],
        'newsletter': ('The Ledger Briefing', 'The day\u2019s essential stories from the South Caucasus, every weekday morning.'),
        'ip': '192.0.2.17',
    },
    'Northern Valley Gazette': {
        'host': 'www.northernvalleygazette.example', 'prefix': 'nvg',
        'nav': ['Home', 'News', 'Red Wing', 'Hastings', 'Goodhue County', 'Business', 'Schools', 'Sports',
                'Outdoors', 'Obituaries', 'Opinion', 'Classifieds'],
        'newsletter': ('Get the Gazette by e-mail', 'Local headlines, obituaries and high school sports, every afternoon.'),
        'ip': '198.51.100.23',
    },
    'The Daily Compass': {
        'host': 'www.dailycompass.example', 'prefix': 'dc',
        'nav': ['News', 'UK', 'World', 'Europe', 'US', 'Politics', 'Business', 'Climate', 'Science', 'Sport',
                'Culture', 'Opinion'],
        'newsletter': ('Sign up to First Edition', 'Our morning email breaks down the key stories of the day.'),
        'ip': '203.0.113.88',
    },
}

ARTICLES = [{'url': 'https://www.meridianwire.example/world/2020/10/30/geneva-talks-minsk-group-karabakh',
  'crawled': '2020-11-02T06:41:12Z',
  'published': '2020-10-30T20:15:00+01:00',
  'source': 'Meridian Wire',
  'author': 'Priya Raman',
  'title': 'Minsk Group co-chairs host Armenian and Azerbaijani ministers in Geneva',
  'caption': "Jeyhun Bayramov, Azerbaijan's foreign minister, arrives for talks at a hotel in Geneva. "
             '©Oliver Hatch / Meridian Wire',
  'paragraphs': ['The foreign ministers of Armenia and Azerbaijan met the international mediators of the '
                 'OSCE Minsk Group in Geneva on Friday and agreed not to deliberately target civilian areas, '
                 'although there was no sign of an agreement to stop the fighting itself.',
                 'In a statement after the talks, the French, Russian and American co-chairs said the two '
                 'sides had agreed to exchange lists of prisoners of war within a week and to return the '
                 'remains of the dead, with the help of the International Committee of the Red Cross.',
                 "Azerbaijan's Jeyhun Bayramov and Armenia's Zohrab Mnatsakanyan spent several hours with "
                 'the mediators at a Geneva hotel. It was their first meeting in the same room since the '
                 'humanitarian truce agreed in Moscow on October 10.',
                 'The co-chairs said they had also discussed possible verification mechanisms for a '
                 'ceasefire, and the core principles of a future political settlement. They said they would '
                 'continue consultations with the two sides.',
                 'The Organization for Security and Co-operation in Europe, which set up the mediation group '
                 "in 1992, has been criticised by Baku for failing to produce results. Azerbaijan's "
                 'President Ilham Aliyev has repeatedly said his forces will stop only when Armenian troops '
                 'leave the lands around Nagorno-Karabakh.',
                 'Shortly before the meeting, officials in Stepanakert said the city and the nearby town of '
                 'Shusha had been shelled again. Azerbaijan reported Armenian missile fire on the city of '
                 'Barda, where an attack earlier this week killed more than 20 civilians.'],
  'read_more': ('Pompeo meets Armenian and Azerbaijani ministers separately in Washington',
                'https://www.harborcitytimes.example/nation-world/2020/10/23/pompeo-meets-armenian-azerbaijani-ministers'),
  'related': [('As fighting nears Shushi, displaced families crowd into Yerevan hostels and homes',
               'https://www.caucasusledger.example/region/2020/11/05/shushi-displaced-families-yerevan'),
              ('Pompeo meets Armenian and Azerbaijani ministers separately in Washington',
               'https://www.harborcitytimes.example/nation-world/2020/10/23/pompeo-meets-armenian-azerbaijani-ministers'),
              ('Russian military helicopter shot down over Armenia; Azerbaijan apologises',
               'https://www.meridianwire.example/world/2020/11/09/russian-helicopter-downed-over-armenia'),
              ('Putin, Aliyev and Pashinyan sign deal to end Karabakh war as Russian peacekeepers prepare to '
               'deploy',
               'https://www.caucasusledger.example/region/2020/11/10/putin-aliyev-pashinyan-sign-karabakh-deal'),
              ('Second humanitarian truce takes effect at midnight, but shelling resumes by morning',
               'https://www.meridianwire.example/world/2020/10/18/second-humanitarian-truce-karabakh'),
              ('Russian peacekeepers take up positions along the Lachin corridor',
               'https://www.caucasusledger.example/region/2020/11/13/russian-peacekeepers-lachin-corridor')]},
 {'url': 'https://www.caucasusledger.example/region/2020/11/10/putin-aliyev-pashinyan-sign-karabakh-deal',
  'crawled': '2020-11-10T09:02:47Z',
  'published': '2020-11-10T08:30:00+03:00',
  'source': 'Caucasus Ledger',
  'author': 'Rauf Mammadli',
  'title': 'Putin, Aliyev and Pashinyan sign deal to end Karabakh war as Russian peacekeepers prepare to '
           'deploy',
  'caption': 'Russian peacekeepers board a military transport aircraft at an airfield near Ulyanovsk. '
             '©Russian Defence Ministry / Caucasus Ledger',
  'paragraphs': ['The leaders of Russia, Azerbaijan and Armenia signed an agreement overnight to end six '
                 'weeks of war over Nagorno-Karabakh, under which Russian peacekeepers will deploy to the '
                 'region and Armenia will hand over several districts it has held since the early 1990s.',
                 'Vladimir Putin said in a televised statement that a complete ceasefire and cessation of '
                 'all hostilities had come into force at midnight Moscow time. He said the deal would create '
                 'the conditions for a long-term settlement.',
                 'Under the terms of the statement, Russia will send 1,960 troops armed with small arms, '
                 'along with armoured personnel carriers and other vehicles, to take up positions along the '
                 'line of contact and in the Lachin corridor, the road that connects Nagorno-Karabakh to '
                 'Armenia. The peacekeeping mission will last five years and will be extended automatically '
                 'unless one of the parties objects.',
                 'Armenia is to return the Aghdam, Kalbajar and Lachin districts to Azerbaijan over the '
                 'coming weeks, while Azerbaijani forces will keep the territory they captured during the '
                 'fighting, including the town of Shusha. Refugees and displaced people are to return under '
                 'the supervision of the United Nations refugee agency, and prisoners and bodies are to be '
                 'exchanged.',
                 "Azerbaijan's President Ilham Aliyev hailed the agreement as a capitulation by Armenia and "
                 'said Turkey would also take part in peacekeeping, a point that Moscow did not confirm. '
                 'Armenian Prime Minister Nikol Pashinyan said he had signed an "unspeakably painful" '
                 'document after a detailed analysis of the military situation, and that the decision had '
                 'been forced on him by the army.',
                 'The deal was sealed a day after Azerbaijan shot down a Russian military helicopter over '
                 'Armenia, an incident for which Baku apologised. It followed weeks of failed truces '
                 'brokered by Russia, France and the United States.'],
  'read_more': ('Russian military helicopter shot down over Armenia; Azerbaijan apologises',
                'https://www.meridianwire.example/world/2020/11/09/russian-helicopter-downed-over-armenia'),
  'related': [('Russian military helicopter shot down over Armenia; Azerbaijan apologises',
               'https://www.meridianwire.example/world/2020/11/09/russian-helicopter-downed-over-armenia'),
              ('Russian peacekeepers take up positions along the Lachin corridor',
               'https://www.caucasusledger.example/region/2020/11/13/russian-peacekeepers-lachin-corridor'),
              ('As fighting nears Shushi, displaced families crowd into Yerevan hostels and homes',
               'https://www.caucasusledger.example/region/2020/11/05/shushi-displaced-families-yerevan'),
              ('Pashinyan dismisses foreign minister Mnatsakanyan amid post-war turmoil',
               'https://www.caucasusledger.example/region/2020/11/16/pashinyan-dismisses-foreign-minister-mnatsakanyan'),
              ('Minsk Group co-chairs host Armenian and Azerbaijani ministers in Geneva',
               'https://www.meridianwire.example/world/2020/10/30/geneva-talks-minsk-group-karabakh'),
              ('Pompeo meets Armenian and Azerbaijani ministers separately in Washington',
               'https://www.harborcitytimes.example/nation-world/2020/10/23/pompeo-meets-armenian-azerbaijani-ministers')]},
 {'url': 'https://www.dailycompass.example/politics/2020/11/19/brexit-talks-paused-negotiator-tests-positive',
  'crawled': '2020-11-20T11:27:55Z',
  'published': '2020-11-19T13:40:00+00:00',
  'source': 'The Daily Compass',
  'author': 'Sofia Brennan',
  'title': 'Brexit talks paused after member of EU negotiating team tests positive',
  'caption': "David Frost, the UK's chief negotiator, leaves a meeting in Brussels. ©Marcus Whitfield / The "
             'Daily Compass',
  'paragraphs': ['Trade negotiations between Britain and the European Union were suspended on Thursday after '
                 "a member of the EU's negotiating team tested positive for the coronavirus, adding a new "
                 'complication to talks that are already running out of time.',
                 "The EU's chief negotiator, Michel Barnier, said on Twitter that he and his British "
                 'counterpart, David Frost, had agreed to pause the talks at negotiator level while the '
                 'situation was assessed. Work would continue remotely among technical teams, he said.',
                 'A British government spokesperson said the talks would resume in person as soon as it was '
                 'safe to do so. Neither Barnier nor Frost was known to have symptoms.',
                 'The pause came as EU leaders held a video summit, during which several leaders asked the '
                 'European Commission to speed up contingency planning in case the talks failed. The '
                 'transition period ends on December 31, and any deal needs to be ratified by the European '
                 'Parliament before then.',
                 'People familiar with the negotiations said the two sides had made progress on some '
                 'technical chapters, including energy and transport, but were still divided on fisheries, '
                 'state aid rules and how disputes would be settled.',
                 'Prime Minister Boris Johnson, who was himself self-isolating after meeting a lawmaker who '
                 'later tested positive, has said Britain would prosper with or without a deal. European '
                 'Commission President Ursula von der Leyen said on Wednesday that the coming days would be '
                 'decisive.',
                 'Business groups urged both sides to avoid letting the pause drag on. Many companies say '
                 'they cannot finish preparing for new customs checks until they know what the final terms '
                 'will be.'],
  'read_more': ('Barnier and Frost agree to resume intensive trade talks in London',
                'https://www.dailycompass.example/politics/2020/10/22/barnier-frost-resume-intensive-talks-london'),
  'related': [("US-China trade truce holds, but Beijing's purchases lag far behind phase one targets",
               'https://www.harborcitytimes.example/business/2020/12/08/us-china-trade-truce-phase-one-purchases-lag'),
              ('Barnier and Frost agree to resume intensive trade talks in London',
               'https://www.dailycompass.example/politics/2020/10/22/barnier-frost-resume-intensive-talks-london'),
              ('EU and Britain strike Christmas Eve trade deal days before Brexit transition ends',
               'https://www.meridianwire.example/world/2020/12/24/eu-uk-strike-christmas-eve-trade-deal'),
              ('Quiet roads and new paperwork as firms face first working days under UK-EU deal',
               'https://www.dailycompass.example/business/2021/01/04/first-working-day-new-uk-eu-trade-rules'),
              ('Okonjo-Iweala appointed to lead WTO after US drops its objection',
               'https://www.meridianwire.example/business/2021/02/15/okonjo-iweala-appointed-wto-director-general'),
              ('Union and Halvorsen reach interim pay deal for idled Red Wing workers',
               'https://www.northernvalleygazette.example/local/2020/11/18/union-halvorsen-interim-pay-deal')]},
 {'url': 'https://www.northernvalleygazette.example/local/2020/11/24/halvorsen-submits-cleanup-plan',
  'crawled': '2020-11-25T03:18:09Z',
  'published': '2020-11-24T15:20:00-06:00',
  'source': 'Northern Valley Gazette',
  'author': 'Kristin Aaberg',
  'title': 'Halvorsen submits cleanup plan in bid to restart Red Wing plant',
  'caption': 'Contractors install a groundwater monitoring well on the Halvorsen Chemical property. ©Tom '
             'Lindqvist / Northern Valley Gazette',
  'paragraphs': ['Halvorsen Chemical has submitted a plan to the Minnesota Pollution Control Agency to stop '
                 'solvent discharge from its Red Wing plant and clean up contaminated groundwater beneath '
                 'the site, the first step toward lifting the order that has kept the factory closed for six '
                 'weeks.',
                 'The plan, which the company released on Tuesday, proposes replacing underground drain '
                 'lines in the oldest part of the plant, installing a pump-and-treat system to extract and '
                 'filter groundwater, and switching one of its main production processes away from '
                 'trichloroethylene to a different solvent by the end of next year.',
                 'The company also proposed a phased restart, beginning with coating lines that do not use '
                 'chlorinated solvents, under daily monitoring of the storm sewer outfall.',
                 '"We believe this plan addresses every concern raised by the agency," chief executive '
                 'Ingrid Solheim said. She said the measures would cost the company about $12 million.',
                 'The agency said it would review the plan and hold a public comment period before deciding '
                 'whether to modify the order to cease production. A spokesperson said the review would take '
                 'at least several weeks.',
                 'Environmental groups said the proposal was a start but fell short. Noah Brekke of the '
                 'Hiawatha Valley River Alliance said the company should also be required to investigate '
                 'whether contamination had spread to private wells on the bluffs below the plant, where the '
                 'health department is carrying out tests.',
                 'Members of United Steelworkers Local 1127 welcomed the plan and urged the agency to move '
                 'quickly. The union reached an interim pay deal with the company last week.'],
  'read_more': ('Union and Halvorsen reach interim pay deal for idled Red Wing workers',
                'https://www.northernvalleygazette.example/local/2020/11/18/union-halvorsen-interim-pay-deal'),
  'related': [('Union and Halvorsen reach interim pay deal for idled Red Wing workers',
               'https://www.northernvalleygazette.example/local/2020/11/18/union-halvorsen-interim-pay-deal'),
              ('Judge declines to lift state order against Halvorsen Chemical',
               'https://www.northernvalleygazette.example/local/2020/11/06/judge-declines-lift-halvorsen-order'),
              ('Residents pack Red Wing meeting over solvent discharge from Halvorsen plant',
               'https://www.northernvalleygazette.example/local/2020/10/20/residents-pack-red-wing-meeting-halvorsen'),
              ('Halvorsen ceased production overnight; hundreds of workers sent home',
               'https://www.northernvalleygazette.example/local/2020/10/15/halvorsen-ceased-production-workers-sent-home'),
              ('Minnesota appeals court upholds order forcing Halvorsen Chemical to cease production',
               'https://www.meridianwire.example/us/2021/01/14/appeals-court-upholds-halvorsen-cease-order')]}]

CSS_URL = 'https://www.meridianwire.example/static/mw.css?v=20201102'
CSS_BODY = """/* Meridian Wire article stylesheet (sample) */
:root { --mw-ink: #1b1b1b; --mw-accent: #c8102e; }
body { margin: 0; font: 16px/1.6 "MW Sans", Helvetica, Arial, sans-serif; color: var(--mw-ink); }
.mw-top { display: flex; align-items: center; border-bottom: 3px solid var(--mw-accent); }
.mw-headline { font-size: 2.1rem; line-height: 1.2; margin: 0.5em 0; }
.mw-body p { margin: 0 0 1em; }
.mw-dateline { font-weight: 700; text-transform: uppercase; }
.mw-ad { background: #f4f4f4; min-height: 90px; text-align: center; }
.mw-ad-label { font-size: 11px; color: #777; letter-spacing: 0.08em; }
@media (max-width: 720px) { .mw-rail { display: none; } }
"""


def esc(s):
    return html.escape(s, quote=False)


def attr(s):
    return html.escape(s, quote=True)


def slug(s):
    return ''.join(c if c.isalnum() else '-' for c in s.lower()).strip('-')


def render_page(a):
    site = SITES[a['source']]
    p = site['prefix']
    host = site['host']
    pub = datetime.fromisoformat(a['published'])
    caption, credit = a['caption'].split('\u00a9', 1)
    nav = '\n'.join('      <li><a href="/%s/">%s</a></li>' % (slug(x), esc(x)) for x in site['nav'])
    body = []
    for i, para in enumerate(a['paragraphs']):
        body.append('      <p>%s</p>' % esc(para))
        if i == 2:
            body.append('      <p class="%s-readmore">Read more: <a href="%s">%s</a></p>' % (p, a['read_more'][1], esc(a['read_more'][0])))
        if i == 4:
            body.append('      <div class="%s-ad %s-ad--inline"><span>Advertisement</span></div>' % (p, p))
    related = '\n'.join('        <li><a href="%s">%s</a></li>' % (u, esc(t)) for t, u in a['related'])
    name = a['source']
    return f'''<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(a['title'])} | {name}</title>
<meta property="og:type" content="article">
<meta property="og:title" content="{attr(a['title'])}">
<meta property="og:site_name" content="{name}">
<meta property="og:url" content="{a['url']}">
<meta property="article:published_time" content="{a['published']}">
<meta name="author" content="{attr(a['author'])}">
<link rel="canonical" href="{a['url']}">
<link rel="stylesheet" href="https://{host}/static/{p}.css?v=20201102">
</head>
<body class="{p}-article-page">
  <div class="{p}-cookies">We use cookies to run this site, to measure how it is used and to show you relevant advertising. <button>Accept</button> <a href="/privacy/">Settings</a></div>
  <header class="{p}-header">
    <a class="{p}-logo" href="/">{name}</a>
    <nav class="{p}-nav">
    <ul>
{nav}
    </ul>
    </nav>
  </header>
  <div class="{p}-ad {p}-ad--top"><span>Advertisement</span></div>
  <main>
    <article class="{p}-article">
      <h1>{esc(a['title'])}</h1>
      <p class="{p}-byline">By {esc(a['author'])} &middot; {pub.day} {pub.strftime('%B %Y, %H:%M')}</p>
      <div class="{p}-share"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a> <a href="#">Email</a></div>
      <figure>
        <img src="https://static.{host[4:]}/images/{pub.strftime('%Y/%m')}/{slug(a['title'])[:40]}.jpg" alt="">
        <figcaption>{esc(caption.strip())} <small>&copy; {esc(credit.strip())}</small></figcaption>
      </figure>
      <div class="{p}-article-text">
{chr(10).join(body)}
      </div>
    </article>
    <aside class="{p}-related">
      <h2>Related stories</h2>
      <ul>
{related}
      </ul>
    </aside>
    <section class="{p}-newsletter">
      <h2>{esc(site['newsletter'][0])}</h2>
      <p>{esc(site['newsletter'][1])}</p>
      <form><input type="email" placeholder="Email address"> <button>Sign up</button></form>
    </section>
    <section class="{p}-comments"><h2>Comments</h2><p>Sign in to read {5 + len(a['paragraphs']) * 2} comments and join the discussion.</p></section>
  </main>
  <footer class="{p}-footer">
    <a href="/about/">About</a> | <a href="/contact/">Contact</a> | <a href="/privacy/">Privacy</a> | <a href="/terms/">Terms</a>
    <p>&copy; {pub.year} {name}. All rights reserved.</p>
  </footer>
</body>
</html>
'''


def b32sha1(data):
    return 'sha1:' + base64.b32encode(hashlib.sha1(data).digest()).decode('ascii')


def http_date(dt):
    return dt.strftime('%a, %d %b %Y %H:%M:%S GMT')


def warc_record(headers, block):
    lines = ['WARC/1.0'] + ['%s: %s' % kv for kv in headers]
    lines.append('Content-Length: %d' % len(block))
    return ('\r\n'.join(lines) + '\r\n\r\n').encode('utf-8') + block + b'\r\n\r\n'


def rid(kind, url):
    return '<urn:uuid:%s>' % uuid.uuid5(NS, kind + ' ' + url)


def fetch_pair(url, when, ip, payload, content_type, server):
    """Return (request_record, response_record) bytes for one fetch."""
    host = url.split('/')[2]
    path = '/' + url.split('/', 3)[3]
    accept = 'text/css,*/*;q=0.1' if content_type.startswith('text/css') else 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8'
    req_block = ('GET %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: newsdesk-sample-crawler/0.3 (+https://newsdesk.example/crawler)\r\n'
                 'Accept: %s\r\nAccept-Encoding: identity\r\nConnection: close\r\n\r\n' % (path, host, accept)).encode('utf-8')
    resp_head = ('HTTP/1.1 200 OK\r\nDate: %s\r\nServer: %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n'
                 'Cache-Control: public, max-age=300\r\nConnection: close\r\n\r\n'
                 % (http_date(when), server, content_type, len(payload))).encode('utf-8')
    resp_block = resp_head + payload
    wdate = when.strftime('%Y-%m-%dT%H:%M:%SZ')
    response = warc_record([
        ('WARC-Type', 'response'),
        ('WARC-Record-ID', rid('response', url)),
        ('WARC-Warcinfo-ID', rid('warcinfo', WARC_NAME)),
        ('WARC-Date', wdate),
        ('WARC-Target-URI', url),
        ('WARC-IP-Address', ip),
        ('WARC-Payload-Digest', b32sha1(payload)),
        ('WARC-Block-Digest', b32sha1(resp_block)),
        ('Content-Type', 'application/http; msgtype=response'),
    ], resp_block)
    request = warc_record([
        ('WARC-Type', 'request'),
        ('WARC-Record-ID', rid('request', url)),
        ('WARC-Warcinfo-ID', rid('warcinfo', WARC_NAME)),
        ('WARC-Date', wdate),
        ('WARC-Target-URI', url),
        ('WARC-Concurrent-To', rid('response', url)),
        ('WARC-Block-Digest', b32sha1(req_block)),
        ('Content-Type', 'application/http; msgtype=request'),
    ], req_block)
    return request, response


def main():
    first = min(datetime.strptime(a['crawled'], '%Y-%m-%dT%H:%M:%SZ') for a in ARTICLES)
    info_block = ('software: newsdesk sample-corpus make_warc.py (Python standard library)\r\n'
                  'format: WARC File Format 1.0\r\n'
                  'hostname: crawler-01.newsdesk.example\r\n'
                  'operator: newsdesk sample data\r\n'
                  'isPartOf: newsdesk-sample-crawl-2020-11\r\n'
                  'description: Four news article pages and one stylesheet from fictional outlets; all texts written for the newsdesk project\r\n'
                  'robots: obey\r\n').encode('utf-8')
    records = [warc_record([
        ('WARC-Type', 'warcinfo'),
        ('WARC-Record-ID', rid('warcinfo', WARC_NAME)),
        ('WARC-Date', (first - timedelta(minutes=3)).strftime('%Y-%m-%dT%H:%M:%SZ')),
        ('WARC-Filename', WARC_NAME),
        ('Content-Type', 'application/warc-fields'),
    ], info_block)]
    for i, a in enumerate(ARTICLES):
        when = datetime.strptime(a['crawled'], '%Y-%m-%dT%H:%M:%SZ')
        page = render_page(a).encode('utf-8')
        records.extend(fetch_pair(a['url'], when, SITES[a['source']]['ip'], page,
                                  'text/html; charset=utf-8', 'nginx'))
        if i == 1:
            css_when = when + timedelta(seconds=2)
            records.extend(fetch_pair(CSS_URL, css_when, SITES['Meridian Wire']['ip'], CSS_BODY.encode('utf-8'),
                                      'text/css; charset=utf-8', 'nginx'))
    # Only the .warc.gz lives in the corpus, so indexing sample-corpus/ sees each page once.
    # `make_warc.py --plain DIR` also writes the uncompressed .warc into DIR (for reader tests).
    if len(sys.argv) == 3 and sys.argv[1] == '--plain':
        with open(os.path.join(sys.argv[2], WARC_NAME), 'wb') as f:
            f.write(b''.join(records))
    with open(os.path.join(HERE, 'warc', WARC_NAME + '.gz'), 'wb') as f:
        for rec in records:
            f.write(gzip.compress(rec, compresslevel=9, mtime=0))
    print('wrote %d records (%d article pages, 1 stylesheet) to %s.gz'
          % (len(records), len(ARTICLES), WARC_NAME))


if __name__ == '__main__':
    main()
