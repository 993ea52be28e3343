import { createSupportbot } from '../src/index.ts';
const t0 = performance.now();
const bot = await createSupportbot({});
console.log('load ms', performance.now() - t0);
let i = 0;
for (const text of ['hello', 'my card 4111 1111 1111 1111 was declined', 'cvv 123', '', '👍', 'hola']) {
  const r = await bot.handle({ platform: 'json', conversationKey: 'c', userId: 'u', text, eventId: 'e' + i++, receivedAt: Date.now() });
  console.log(JSON.stringify(r).slice(0, 400));
}
const s = performance.now(); for (let k = 0; k < 200; k++) await bot.handle({ platform: 'json', conversationKey: 'c' + k, userId: 'u', text: 'my card was declined', eventId: 'x' + k, receivedAt: 0 }); console.log('ms/turn', (performance.now() - s) / 200);
