#!/usr/bin/python3
"""Generates test/fixtures/rst/sphinx/python-arglists.json: random Python argument
lists and what Sphinx 5.3 makes of them (sphinx.util.inspect.signature_from_str
of "(" + arglist + ")": the parameters, or SyntaxError, NotImplementedError
with its message, ValueError). Usage: gen-python-arglists.py SEED
(writes 5,000 cases to cases.json here; the fixture keeps seed 8's first 1,500)."""
import random, json, sys
sys.path.insert(0,'/usr/lib/python3/dist-packages')
from sphinx.util.inspect import signature_from_str
random.seed(int(sys.argv[1]))
atoms=['a','b','x.y','None','True','1','0x1F','1.5','1e3','2j',"'s'",'"d"',"'it\\'s'",'b"b"','r"\\d"','...','f"x"','[]','()','{}','1_0','0o7','"é"',"'\\x00'","'\\u00e9'",'u"u"','"a" "b"','b"\\xff"']
def expr(d=0):
    r=random.random()
    if d>2 or r<0.35: return random.choice(atoms)
    k=random.choice(['bin','un','call','sub','list','tuple','dict','set','lambda','ifexp','cmp','bool','attr','paren','star','slice','walrus','comp','gen','dictcomp','await','yield','kwcall'])
    e=lambda: expr(d+1)
    if k=='bin': return '%s %s %s'%(e(), random.choice(['+','-','*','/','//','%','**','|','&','^','<<','>>','@']), e())
    if k=='un': return random.choice(['-','+','~','not '])+e()
    if k=='call': return '%s(%s)'%(random.choice(['f','g.h','f()']), ', '.join([e() for _ in range(random.randint(0,2))]+(['k=%s'%e()] if random.random()<0.3 else [])+(['**kw'] if random.random()<0.1 else [])+(['*a'] if random.random()<0.1 else [])))
    if k=='kwcall': return 'f(%s)'%random.choice(['**a, b','a=1, b','*a, **b','a=1, *b','x for x in y','(x for x in y), 1'])
    if k=='sub': return '%s[%s]'%(random.choice(['List','Dict','a','typing.Optional','Literal']), ', '.join(e() for _ in range(random.randint(1,3)))+(',' if random.random()<0.2 else ''))
    if k=='list': return '[%s]'%', '.join(e() for _ in range(random.randint(0,3)))
    if k=='tuple': return '(%s)'%(', '.join(e() for _ in range(random.randint(0,3)))+(',' if random.random()<0.3 else ''))
    if k=='dict': return '{%s}'%', '.join(random.choice(['%s: %s'%(e(),e()),'**%s'%e()]) for _ in range(random.randint(1,2)))
    if k=='set': return '{%s}'%', '.join(e() for _ in range(random.randint(1,2)))
    if k=='lambda': return 'lambda %s: %s'%(random.choice(['','x','x, y=1','*a, **k','x, /, y','*, k','a=[1]']), e())
    if k=='ifexp': return '%s if %s else %s'%(e(),e(),e())
    if k=='cmp': return '%s %s %s'%(e(), random.choice(['<','==','is','in','not in','is not','!=']), e())
    if k=='bool': return '%s %s %s'%(e(), random.choice(['and','or']), e())
    if k=='attr': return '%s.attr'%random.choice(['a','f()','x.y','(1)'])
    if k=='paren': return '(%s)'%e()
    if k=='star': return '*%s'%e()
    if k=='slice': return 'a[%s:%s%s]'%(e(), e(), random.choice(['',':','::2']))
    if k=='walrus': return '(n := %s)'%e()
    if k=='comp': return '[%s for i in %s%s]'%(e(), e(), random.choice(['',' if c',' for j in k']))
    if k=='gen': return '(%s for i in %s)'%(e(), e())
    if k=='dictcomp': return '{%s: %s for i in %s}'%(e(), e(), e())
    if k=='await': return 'await %s'%e()
    if k=='yield': return '(yield %s)'%random.choice(['','x','from y'])
def param(i):
    s=random.choice(['p','q','r'])+str(i)
    if random.random()<0.35: s+=': '+expr()
    if random.random()<0.4: s+=(' = ' if random.random()<0.5 else '=')+expr()
    return s
cases=[]
for n in range(5000):
    ps=[param(i) for i in range(random.randint(0,4))]
    r=random.random()
    if r<0.15: ps.insert(random.randint(0,len(ps)),'/')
    elif r<0.3: ps.insert(random.randint(0,len(ps)),'*')
    if random.random()<0.15: ps.append('*va'+(': '+random.choice(['','*'])+expr() if random.random()<0.3 else ''))
    if random.random()<0.15: ps.append('**kw'+(': '+expr() if random.random()<0.3 else ''))
    if random.random()<0.05: ps.append(random.choice(['p0','[opt]','x=','= 1','*, a','a,,','(a)','a: ','*a=1']))
    t=', '.join(ps)
    if random.random()<0.05: t+=') -> '+expr()+' ('
    try:
        sig=signature_from_str('(%s)'%t)
        params=[[p.name, str(p.kind), None if p.annotation is p.empty else str(p.annotation), None if p.default is p.empty else str(p.default)] for p in sig.parameters.values()]
        out=['ok', params]
    except SyntaxError as e: out=['SyntaxError']
    except NotImplementedError as e: out=['NotImplementedError', str(e)]
    except ValueError as e: out=['ValueError']
    except Exception as e: out=['Other', type(e).__name__+': '+str(e)]
    cases.append([t,out])
json.dump(cases, open('cases.json','w'))
from collections import Counter
print(Counter(c[1][0] for c in cases))
