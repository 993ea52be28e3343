"""
Learned fact layer, leave-one-set-out measurement (an experiment; nothing here ships).

Reads a dump of the shipped understanding's output on every labelled real-style row (made with the
TypeScript snippet in learned-fact-layer.md), trains one L2 logistic regression per fact key
(positive and negated, keys with 8+ labelled rows) on word and word-pair presence, and combines it
with the pattern facts: a fact the patterns did not read in either polarity is added when the model
gives it more than TADD; a pattern fact is dropped when the model gives its key less than TDROP.
Each dev set is scored by models trained on every other labelled file except test.jsonl.

usage: python3 learned-fact-layer-cv.py DUMP.jsonl [C=1.0] [use batch files 1|0] [dev sets, comma-separated]
needs numpy and scipy.
"""
import json, re, sys, numpy as np, scipy.sparse as sp
from scipy.optimize import minimize
from collections import defaultdict, Counter
rows=[json.loads(l) for l in open(sys.argv[1])]
DEV=['dev3','dev4','dev5','dev6','dev7','dev8','dev9','dev10']
TRAINONLY=['set-a','set-b','batch-1','batch-2','batch-3','batch-4']
def key(f): return ('!' if f.get('negated') else '')+f['name']
def toks(t):
    w=re.findall(r"[a-z0-9]+",t.lower())
    fs=set(w)|{a+'_'+b for a,b in zip(w,w[1:])}
    return fs
def score(rs, preds):
    labelled=set(f['name'] for r in rs for f in (r['gold'] or []))
    tp=pt=gt=0
    for r,p in zip(rs,preds):
        g=set(key(f) for f in r['gold'] or [])
        p=set(k for k in p if k.lstrip('!') in labelled)
        gt+=len(g); pt+=len(p); tp+=len(g&p)
    P=tp/max(pt,1); R=tp/max(gt,1); return 2*P*R/max(P+R,1e-9)*100, P*100, R*100
bysets=defaultdict(list)
for r in rows:
    if r['gold'] is not None: bysets[r['set']].append(r)
base={s:score(bysets[s],[set(key(f) for f in r['pred']) for r in bysets[s]]) for s in DEV+['test']}
for s in DEV+['test']: print(s, '%.1f P%.1f R%.1f'%base[s])

def fit(X, y, C=1.0, w0=None):
    n,d=X.shape
    def f(w):
        b=w[-1]; z=X@w[:-1]+b
        p=1/(1+np.exp(-z))
        eps=1e-12
        loss=-np.sum(y*np.log(p+eps)+(1-y)*np.log(1-p+eps))+0.5/C*np.dot(w[:-1],w[:-1])
        g=p-y
        grad=np.concatenate([X.T@g+w[:-1]/C,[g.sum()]])
        return loss,grad
    res=minimize(f, np.zeros(d+1) if w0 is None else w0, jac=True, method='L-BFGS-B', options={'maxiter':200})
    return res.x
FACTS=sorted(set(f['name'] for r in rows for f in (r['gold'] or [])))
def build_vocab(train, mindf=2):
    df=Counter()
    for r in train: df.update(toks(r['text']))
    return {t:i for i,t in enumerate(sorted(t for t,c in df.items() if c>=mindf))}
def mat(rs, vocab):
    ii=[];jj=[]
    for i,r in enumerate(rs):
        for t in toks(r['text']):
            j=vocab.get(t)
            if j is not None: ii.append(i); jj.append(j)
    return sp.csr_matrix((np.ones(len(ii)),(ii,jj)),shape=(len(rs),len(vocab)))
def train_models(train, C):
    vocab=build_vocab(train)
    X=mat(train,vocab)
    models={}
    for F in FACTS:
        for neg in (False,True):
            y=np.array([1.0 if any(f['name']==F and bool(f.get('negated'))==neg for f in r['gold'] or []) else 0.0 for r in train])
            if y.sum()<8: continue
            models[('!' if neg else '')+F]=fit(X,y,C)
    return vocab,models
def probs(rs, vocab, models):
    X=mat(rs,vocab)
    return {k:1/(1+np.exp(-(X@w[:-1]+w[-1]))) for k,w in models.items()}
def combine(rs, P, tadd, tdrop):
    out=[]
    for i,r in enumerate(rs):
        p=set(key(f) for f in r['pred'])
        names=set(k.lstrip('!') for k in p)
        for k,pr in P.items():
            if k.lstrip('!') not in names and pr[i]>tadd: p.add(k)
            if k in p and pr[i]<tdrop: p.discard(k)
        out.append(p)
    return out
C=float(sys.argv[2]) if len(sys.argv)>2 else 1.0
useb=len(sys.argv)<=3 or sys.argv[3]=='1'
folds={}
EV=DEV if len(sys.argv)<=4 else sys.argv[4].split(',')
for s in EV:
    train=[r for r in rows if r['gold'] is not None and r['set']!='test' and r['set']!=s and (useb or not r['set'].startswith('batch'))]
    vocab,models=train_models(train,C)
    folds[s]=probs(bysets[s],vocab,models)
    print('fold',s,len(train),len(vocab),file=sys.stderr)
for tadd,tdrop in [(1.1,0),(0.9,0),(0.8,0),(0.7,0),(0.6,0),(0.5,0),(0.8,0.02),(0.8,0.01),(0.7,0.02),(0.8,0.05),(0.7,0.1)]:
    res=[]
    for s in EV:
        rs=bysets[s]; pr=combine(rs,folds[s],tadd,tdrop)
        ev=[(r,p) for r,p in zip(rs,pr) if int(re.sub(r'\D','',r['id']))%2==0]
        res.append((score(rs,pr)[0], score([a for a,_ in ev],[b for _,b in ev])[0]))
    print(tadd,tdrop,' '.join('%.1f/%.1f'%x for x in res), 'mean all %.2f even %.2f'%(np.mean([a for a,_ in res]),np.mean([b for _,b in res])))
