#!/usr/bin/python3
"""Reference parse results of diagram sources for specwright's diagram parser.

Usage: gen-diagram-cases.py COUNT SEED > test/fixtures/rst/sphinx/diagram-cases.json

For each diagram kind (blockdiag, seqdiag, actdiag, nwdiag, rackdiag,
packetdiag), takes hand-written sources and random mutations of them
(tokens dropped, duplicated or swapped, characters inserted, text cut
short), and records what <kind>.parser.parse_string says of the source as
it is and wrapped as "<kind> { source }": null when it parses, else the
ParseException's text. Needs Debian's python3-blockdiag, -seqdiag,
-actdiag and -nwdiag (funcparserlib 1.0).
"""
import json
import random
import sys

import actdiag.parser
import blockdiag.parser
import nwdiag.parser
import packetdiag.parser
import rackdiag.parser
import seqdiag.parser

PARSERS = {
    'blockdiag': blockdiag.parser,
    'seqdiag': seqdiag.parser,
    'actdiag': actdiag.parser,
    'nwdiag': nwdiag.parser,
    'rackdiag': rackdiag.parser,
    'packetdiag': packetdiag.parser,
}

SEEDS = {
    'blockdiag': [
        'blockdiag {\n  A -> B -> C;\n  A -> D [color = "red", label = "x"];\n  group g1 {\n    color = "#77FF77";\n    B; C\n  }\n  class emphasis [color = pink];\n}',
        'diagram admin {\n  default_shape = roundedbox;\n  A, B -> C, D <-> E >-< F -- G;\n  // comment\n  /* block\n comment */ H [shape = "box"]\n}',
        'A -> B; B -> C',
        '{ A; B; group { C -> D } }',
    ],
    'seqdiag': [
        'seqdiag {\n  browser  -> webserver [label = "GET /index.html"];\n  browser <-- webserver;\n  browser  => webserver => database [label = "SELECT"] {\n    webserver -> cache;\n    === separator ===\n  }\n  ... delay ...\n  alt {\n    A -> B;\n  }\n  loop "x" { A ->> B; A -->> B; A <<- B; A <<-- B }\n}',
        'diagram {\n  activation = none;\n  group { A; B [label = "b"] }\n  plugin attributes [name = Name];\n  A -> B\n}',
        'A -> B; B --> C [note = "x"]',
        '{ "node 1" -> \'node 2\'; 1.5 -> .5 }',
    ],
    'actdiag': [
        'actdiag {\n  write -> convert -> image\n  lane user {\n    label = "User"\n    write [label = "Writing reST"];\n    image [label = "Get diagram IMAGE"];\n  }\n  lane actdiag {\n    convert [label = "Convert reST to Image"];\n  }\n}',
        'diagram { lane x [color = red]; A <-> B -- C <- D }',
    ],
    'nwdiag': [
        'nwdiag {\n  network dmz {\n    address = "210.x.x.x/24"\n    web01 [address = "210.x.x.1"];\n    web02 [address = "210.x.x.2"];\n  }\n  network internal {\n    address = "172.x.x.x/24";\n    web01 [address = "172.x.x.1"];\n    db01;\n    group db { db01; db02 }\n  }\n  route { 192.168.0.1; fe80::1 }\n  web01 -- web02 -- db01 [color = red]\n}',
        'diagram { inet [shape = cloud]; inet -- router; network { router; } }',
    ],
    'rackdiag': [
        'rackdiag {\n  16U;\n  ascending;\n  rack r1 {\n    12U;\n    description = "Tokyo";\n    1: UPS [2U];\n    3: DB Server [5A, 10kg]\n    4: "Quoted server";\n    * Web Server\n    - Switch\n  }\n}',
        'diagram { 1: A; 2: B [color = red] }',
    ],
    'packetdiag': [
        'packetdiag {\n  colwidth = 32\n  node_height = 72\n  0-15: Source Port\n  16-31: Destination Port\n  32-63: Sequence Number\n  64: "quoted field" [rotate = 270];\n  * Options\n  - Padding\n}',
        'diagram { 0-7: A; 8: B [len = 8] }',
    ],
}

INSERTS = ['{', '}', ';', ',', '[', ']', '=', '->', '--', '<-', '=>', '-->>', '"', "'", '$', '@', ':', '*', '-', '.', '===', '...',
           'group', 'lane', 'network', 'rack', 'alt', 'loop', 'class', 'plugin', 'diagram', '1U', '5A', '\n', ' ', '#', '//', '/*',
           '192.168.0.1', 'x', '\u00e9', '\u6f22']


def mutate(rng, text):
    for _ in range(rng.randint(1, 3)):
        if not text:
            return text
        choice = rng.random()
        position = rng.randrange(len(text) + 1)
        if choice < 0.35:
            text = text[:position] + rng.choice(INSERTS) + text[position:]
        elif choice < 0.65:
            end = min(len(text), position + rng.randint(1, 4))
            text = text[:position] + text[end:]
        elif choice < 0.8:
            text = text[:position]
        else:
            end = min(len(text), position + rng.randint(1, 12))
            text = text[:position] + text[position:end] + text[position:]
    return text


def outcome(parser, code):
    try:
        parser.parse_string(code)
        return None
    except Exception as error:  # what the directive catches
        return str(error)


def main():
    count = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]))
    cases = []
    for kind, seeds in SEEDS.items():
        parser = PARSERS[kind]
        sources = list(seeds)
        for _ in range(count):
            sources.append(mutate(rng, rng.choice(seeds)))
        for source in sources:
            code = source.strip()
            cases.append({
                'kind': kind,
                'code': code,
                'error': outcome(parser, code),
                'wrappedError': outcome(parser, '%s { %s }' % (kind, code)),
            })
    json.dump(cases, sys.stdout, ensure_ascii=False, indent=0)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
