/**
 * A person installing the app in a Slack workspace, as a browser would: open the bot's
 * /slack/install, follow it to Slack's authorize page (the fake approves for the chosen workspace),
 * follow Slack's redirect back to /slack/oauth_redirect with the state cookie the bot set.
 */
import type { FakeSlack, FakeWorkspace } from '../fakes/fake-slack.js';

export interface InstallRun {
  /** What the bot answered at the end of the flow. */
  status: number;
  page: string;
  /** Every URL the browser visited, in order (to check nothing secret travels in them). */
  visited: string[];
}

export async function installThroughOAuth(botBase: string, slack: FakeSlack, workspace: FakeWorkspace, options: { cookie?: string } = {}): Promise<InstallRun> {
  if (!slack.oauth) throw new Error('the fake Slack needs the oauth option');
  slack.oauth.installInto(workspace);
  const visited = [`${botBase}/slack/install`];
  const start = await fetch(visited[0]!, { redirect: 'manual' });
  const authorize = start.headers.get('location');
  if (start.status !== 302 || !authorize) throw new Error(`/slack/install answered ${start.status}, not a redirect to Slack`);
  const cookie = options.cookie ?? (start.headers.get('set-cookie') ?? '').split(';')[0]!;
  visited.push(authorize);
  const approved = await fetch(authorize, { redirect: 'manual' });
  const back = approved.headers.get('location');
  if (approved.status !== 302 || !back) throw new Error(`Slack's authorize page answered ${approved.status}: ${await approved.text()}`);
  visited.push(back);
  const done = await fetch(back, { headers: { cookie }, redirect: 'manual' });
  return { status: done.status, page: await done.text(), visited };
}
