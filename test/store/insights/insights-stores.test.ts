import { appendFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileInsights } from '../../../src/store/insights/file-insights.js';
import { createMemoryInsights } from '../../../src/store/insights/memory-insights.js';
import { insightsDirOf } from '../../../src/store/insights/open-insights.js';
import { insightsStoreContract, record } from './insights-store-contract.js';

describe('the memory insights store', () => {
  insightsStoreContract(async () => createMemoryInsights());
});

describe('the lowdb-folder insights store', () => {
  insightsStoreContract(async () => openFileInsights(mkdtempSync(path.join(tmpdir(), 'insights-'))));

  it('lives beside the conversations of the lowdb store, one JSON-lines file per UTC day', async () => {
    expect(insightsDirOf('/srv/data/supportbot.json')).toBe('/srv/data/supportbot.conversations/insights');
    const dir = mkdtempSync(path.join(tmpdir(), 'insights-'));
    const store = openFileInsights(dir);
    await store.append([record(Date.parse('2026-03-01T23:59:00Z')), record(Date.parse('2026-03-02T00:01:00Z'))]);
    expect(readdirSync(dir).sort()).toEqual(['2026-03-01.jsonl', '2026-03-02.jsonl']);
  });

  it('skips a torn or hand-edited line and reads the rest', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'insights-'));
    const store = openFileInsights(dir);
    const at = Date.parse('2026-03-01T10:00:00Z');
    await store.append([record(at)]);
    const wrong = (fields: object) => `${JSON.stringify({ ...record(at), ...fields })}\n`;
    appendFileSync(path.join(dir, '2026-03-01.jsonl'), `{"v":1,"at":"not a number"}\n${wrong({ feedback: 'sideways' })}${wrong({ signals: [{ kind: 'unknown' }] })}${wrong({ p: 'irc' })}{"v":1,"at":17`);
    await store.append([record(at + 1)]);
    const read = [];
    for await (const batch of store.read(0)) read.push(...batch);
    expect(read.map((r) => r.at)).toEqual([at]);
  });
});
