#!/usr/bin/env python3
"""Count the articles of the newsdesk sample corpus, straight from the files.

Standard library only:  python3 sample-corpus/count_articles.py

Every article is found by reading its own format (not by trusting index.tsv), its
title is taken from the file, and the title is then looked up in index.tsv to get the
topic. The script fails if an article is missing from index.tsv or the other way round,
so the numbers it prints are the ones README.md must show.
"""
import collections
import csv
import glob
import gzip
import html
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HERE = os.path.join(ROOT, 'articles')


def og_title(page):
    m = re.search(r'<meta property="og:title" content="([^"]*)"', page)
    return html.unescape(m.group(1))


def warc_html_pages(data):
    pos = 0
    while pos < len(data):
        end = data.index(b'\r\n\r\n', pos)
        head = dict(line.split(': ', 1) for line in data[pos:end].decode('utf-8').split('\r\n')[1:])
        length = int(head['Content-Length'])
        block = data[end + 4:end + 4 + length]
        pos = end + 4 + length + 4
        if head['WARC-Type'] != 'response':
            continue
        http_head, _, payload = block.partition(b'\r\n\r\n')
        if b'content-type: text/html' in http_head.lower():
            yield payload.decode('utf-8')


def found_articles():
    """Yield (format, title) for every article, reading each format natively."""
    for path in sorted(glob.glob(os.path.join(HERE, 'raw', '*.txt'))):
        with open(path, encoding='utf-8') as f:
            yield 'raw', f.read().split('\n')[1]
    for path in sorted(glob.glob(os.path.join(HERE, 'raw-gz', '*.txt.gz'))):
        yield 'raw-gz', gzip.decompress(open(path, 'rb').read()).decode('utf-8').split('\n')[1]
    for path in sorted(glob.glob(os.path.join(HERE, 'jsonl', '*.jsonl'))):
        with open(path, encoding='utf-8') as f:
            for line in f:
                if line.strip():
                    yield 'jsonl', json.loads(line)['title']
    for path in sorted(glob.glob(os.path.join(HERE, 'html', '*.html'))):
        with open(path, encoding='utf-8') as f:
            yield 'html', og_title(f.read())
    for path in sorted(glob.glob(os.path.join(HERE, 'trec', '*.trec'))):
        with open(path, encoding='utf-8') as f:
            for m in re.finditer(r'<HEADLINE>(.*?)</HEADLINE>', f.read()):
                yield 'trec', m.group(1)
    for path in sorted(glob.glob(os.path.join(HERE, 'warc', '*.warc.gz'))):
        for page in warc_html_pages(gzip.decompress(open(path, 'rb').read())):
            yield 'warc', og_title(page)


def main():
    with open(os.path.join(ROOT, 'index.tsv'), encoding='utf-8', newline='') as f:
        index = {row['title']: row for row in csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE)}
    seen = []
    for fmt, title in found_articles():
        if title not in index:
            sys.exit('not in index.tsv: %s (%s)' % (title, fmt))
        if index[title]['format'] != fmt:
            sys.exit('format mismatch for %s: %s vs %s' % (title, fmt, index[title]['format']))
        seen.append(title)
    if len(seen) != len(set(seen)):
        sys.exit('duplicate titles')
    missing = set(index) - set(seen)
    if missing:
        sys.exit('in index.tsv but not found: %s' % sorted(missing))

    formats = ['raw', 'raw-gz', 'jsonl', 'html', 'warc', 'trec']
    topics = ['nagorno-karabakh', 'wildfire', 'factory', 'trade', 'other']
    table = collections.Counter((index[t]['format'], index[t]['topic']) for t in seen)
    print('| format | ' + ' | '.join(topics) + ' | total |')
    print('|---|' + '---:|' * (len(topics) + 1))
    for fm in formats:
        cells = [table[fm, tp] for tp in topics]
        print('| %s | %s | %d |' % (fm, ' | '.join(map(str, cells)), sum(cells)))
    totals = [sum(table[fm, tp] for fm in formats) for tp in topics]
    print('| **total** | %s | **%d** |' % (' | '.join(map(str, totals)), sum(totals)))
    dates = sorted(index[t]['published'][:10] for t in seen)
    years = collections.Counter(index[t]['published'][:4] for t in seen if index[t]['format'] == 'jsonl')
    print('\narticles: %d, dates %s .. %s, jsonl per year: %s' % (len(seen), dates[0], dates[-1], dict(sorted(years.items()))))


if __name__ == '__main__':
    main()
