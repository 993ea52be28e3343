/** Colour only on a TTY and never with NO_COLOR (https://no-color.org). */
export function createStyle(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env) {
  const on = Boolean(stream.isTTY) && !('NO_COLOR' in env && env.NO_COLOR !== '');
  const wrap = (open: number, close: number) => (s: string) => (on ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return {
    enabled: on,
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    cyan: wrap(36, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
  };
}
export type Style = ReturnType<typeof createStyle>;
