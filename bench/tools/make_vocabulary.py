#!/usr/bin/env python3
"""Writes bench/src/main/resources/org/newsdesk/bench/corpus/vocabulary.txt, the synthetic corpus's word list.

Rank order: (1) lower-case words of the project's own sample corpus (sample-corpus/articles/jsonl and raw, written for
this project) seen at least 3 times, by count; (2) the hand-ranked common words of common-words.txt not yet listed;
(3) SCOWL words (Debian package wamerican, /usr/share/dict/american-english) matching [A-Za-z][a-z]{2,15}, ordered by
length plus a hash so shorter words rank higher. Deterministic. Run from the repository root:
    python3 bench/tools/make_vocabulary.py
"""
import collections, hashlib, json, pathlib, re

root = pathlib.Path(__file__).resolve().parents[2]
out = root / 'bench/src/main/resources/org/newsdesk/bench/corpus/vocabulary.txt'
word = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
cap = {'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
       'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december'}

texts = []
for f in sorted((root / 'sample-corpus/articles/jsonl').glob('*.jsonl')):
    for line in f.read_text(encoding='utf-8').splitlines():
        if line.strip():
            a = json.loads(line)
            texts += [a.get('title') or '', a.get('body') or '']
for f in sorted((root / 'sample-corpus/articles/raw').glob('*.txt')):
    texts += f.read_text(encoding='utf-8').splitlines()[1:]  # the first line is icon junk
counts = collections.Counter()
forms = collections.defaultdict(collections.Counter)
for t in texts:
    for w in word.findall(t):
        if "'" in w or len(w) < 1:
            continue
        counts[w.lower()] += 1
        forms[w.lower()][w] += 1

def form(lower):
    # the lower-case form unless the word is always capitalized (a name)
    return lower if lower in forms and forms[lower][lower] > 0 else forms[lower].most_common(1)[0][0]

ranked, seen = [], set()
for w, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
    # lower-case words only: the sample corpus's names (Azerbaijan, Halvorsen) would make every synthetic article
    # about the same few topics; single letters other than 'a' are split contractions.
    if c >= 3 and not w.startswith('cease') and form(w) == w and (len(w) > 1 or w == 'a'):
        ranked.append(w); seen.add(w)
corpus_words = len(ranked)
for w in (root / 'bench/tools/common-words.txt').read_text().split():
    if w.lower() not in seen:
        ranked.append(w.capitalize() if w in cap else w); seen.add(w.lower())
head = len(ranked)
tail = []
for w in open('/usr/share/dict/american-english', encoding='utf-8'):
    w = w.strip()
    if re.fullmatch(r'[A-Za-z][a-z]{2,15}', w) and not w.lower().startswith('cease') and w.lower() not in seen:
        seen.add(w.lower()); tail.append(w)
tail.sort(key=lambda w: (len(w) + 8 * int(hashlib.sha1(w.encode()).hexdigest()[:8], 16) / 2**32, w))
with open(out, 'w', encoding='utf-8') as f:
    f.write('# newsdesk synthetic-corpus vocabulary, one word a line, most frequent first (Zipf rank order).\n')
    f.write('# Made by bench/tools/make_vocabulary.py: ranks 1-%d from the sample corpus, %d-%d hand-ranked common words,\n'
            % (corpus_words, corpus_words + 1, head))
    f.write('# then %d SCOWL words (Debian wamerican) ordered by length plus a hash.\n' % len(tail))
    f.write('# SCOWL is Copyright 2000-2011 by Kevin Atkinson: "Permission to use, copy, modify, distribute and sell these\n')
    f.write('# word lists ... is hereby granted without fee, provided that the above copyright notice appears in all copies."\n')
    for w in ranked + tail:
        f.write(w + '\n')
print(corpus_words, head, len(tail))
