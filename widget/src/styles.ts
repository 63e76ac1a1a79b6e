/** The panel's CSS, injected into the launcher's shadow root. Colours come from CSS variables set by panel.ts. */
export const PANEL_CSS = `
:host{--s:#fff;--s2:#f1f3f5;--t:#15171a;--t2:#4a5059;--bd:#e3e6ea;--lk:var(--tb-lk-l);
--good-b:#e4f4e8;--good-t:#0b6128;--prog-b:#e6eefc;--prog-t:#17479e;--warn-b:#fdf3d8;--warn-t:#7a4300;--bad-b:#fbe7e5;--bad-t:#9d0f0f;--neu-b:#eceff2;--neu-t:#3b4048}
@media (prefers-color-scheme:dark){:host{--s:#1c1d21;--s2:#2c2e33;--t:#f2f3f5;--t2:#b9bdc5;--bd:#3a3c42;--lk:var(--tb-lk-d);
--good-b:#1d3a27;--good-t:#8fdca6;--prog-b:#1f2e4a;--prog-t:#a8c7ff;--warn-b:#3d311a;--warn-t:#f6cf7a;--bad-b:#43221f;--bad-t:#ffb4ab;--neu-b:#33353b;--neu-t:#d5d8de}}
*{box-sizing:border-box}
.p{position:fixed;bottom:88px;right:20px;z-index:1;width:384px;max-width:calc(100vw - 32px);height:min(640px,calc(100vh - 108px));
display:flex;flex-direction:column;background:var(--s);color:var(--t);border-radius:18px;overflow:hidden;
box-shadow:0 12px 40px rgba(0,0,0,.22),0 2px 8px rgba(0,0,0,.12);border:1px solid var(--bd);
font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;-webkit-font-smoothing:antialiased;
transform-origin:bottom right;animation:tb-in .18s ease-out}
.p.left{right:auto;left:20px;transform-origin:bottom left}
.p[hidden]{display:none}
@keyframes tb-in{from{opacity:0;transform:translateY(8px) scale(.98)}to{opacity:1;transform:none}}
@media (max-width:480px),(max-height:520px){.p,.p.left{inset:0;width:100%;max-width:none;height:100%;border-radius:0;border:0}}
.h{display:flex;align-items:center;gap:10px;padding:12px 10px 12px 16px;background:var(--tb-bg);color:var(--tb-fg);flex:none}
.av{width:34px;height:34px;border-radius:50%;flex:none;display:grid;place-items:center;font-weight:700;font-size:15px;
background:rgba(255,255,255,.2);border:1px solid rgba(255,255,255,.35);overflow:hidden}
.av img{width:100%;height:100%;object-fit:cover}
.ht{flex:1;min-width:0}
.ht h2{margin:0;font-size:16px;font-weight:650;line-height:1.25;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.ht p{margin:0;font-size:12.5px;opacity:.92}
.ib{width:40px;height:40px;border:0;border-radius:10px;background:transparent;color:inherit;cursor:pointer;display:grid;place-items:center;flex:none}
.ib:hover{background:rgba(127,127,127,.2)}
.ib svg{width:20px;height:20px;fill:currentColor}
.h :focus-visible{outline:2px solid var(--tb-fg);outline-offset:-2px}
.log{position:relative;flex:1;min-height:0;overflow-y:auto;padding:16px 14px 8px;display:flex;flex-direction:column;gap:8px;overscroll-behavior:contain;scroll-behavior:smooth}
.m{position:relative;display:flex;flex-direction:column;max-width:88%;animation:tb-up .16s ease-out}
@keyframes tb-up{from{opacity:0;transform:translateY(4px)}to{opacity:1;transform:none}}
.m.bot{align-self:flex-start}
.m.me{align-self:flex-end;align-items:flex-end}
.b{padding:9px 13px;border-radius:16px;white-space:pre-wrap;overflow-wrap:anywhere;word-break:break-word}
.bot .b{background:var(--s2);border-bottom-left-radius:6px}
.me .b{background:var(--tb-bg);color:var(--tb-fg);border-bottom-right-radius:6px}
.agent .b{background:var(--prog-b);color:var(--prog-t);border:1px solid var(--bd)}
.who{font-size:12px;font-weight:650;color:var(--t2);margin:0 0 3px 4px}
.note{align-self:center;font-size:12.5px;color:var(--t2);padding:3px 12px;border-radius:999px;background:var(--s2);text-align:center}
.b a{color:var(--lk);text-decoration:underline;text-underline-offset:2px}
.me .b a,.agent .b a{color:inherit}
.m.wide{max-width:100%;width:100%}
.sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.qrs{display:flex;flex-wrap:wrap;gap:6px;align-self:flex-start;max-width:100%;padding:2px 0}
.chip{font:inherit;font-size:14px;line-height:1.2;padding:8px 13px;border-radius:999px;border:1.5px solid var(--lk);
background:transparent;color:var(--lk);cursor:pointer;min-height:36px;text-align:left}
.chip:hover{background:var(--s2)}
.chip:disabled{opacity:.5;cursor:default}
:focus-visible{outline:2px solid var(--lk);outline-offset:2px}
.typing{display:inline-flex;gap:4px;align-items:center;padding:12px 14px;background:var(--s2);border-radius:16px;border-bottom-left-radius:6px;align-self:flex-start}
.typing i{width:7px;height:7px;border-radius:50%;background:var(--t2);animation:tb-dot 1.1s infinite ease-in-out}
.typing i:nth-child(2){animation-delay:.15s}.typing i:nth-child(3){animation-delay:.3s}
@keyframes tb-dot{0%,60%,100%{opacity:.35;transform:none}30%{opacity:1;transform:translateY(-3px)}}
.err{align-self:stretch;display:flex;align-items:center;gap:10px;justify-content:space-between;padding:10px 12px;border-radius:12px;
background:var(--bad-b);color:var(--bad-t);font-size:14px}
.err button{font:inherit;font-size:14px;font-weight:600;padding:6px 12px;border-radius:8px;border:1.5px solid currentColor;background:transparent;color:inherit;cursor:pointer;flex:none}
.err button:disabled{opacity:.55;cursor:default}
.card{margin-top:6px;border:1px solid var(--bd);border-radius:14px;background:var(--s);overflow:hidden}
.ch{display:flex;align-items:center;justify-content:space-between;gap:8px;padding:12px 14px 6px}
.ch h3{margin:0;font-size:15px;font-weight:650}
.badge{font-size:12.5px;font-weight:600;padding:3px 9px;border-radius:999px;white-space:nowrap}
.good{background:var(--good-b);color:var(--good-t)}.progress{background:var(--prog-b);color:var(--prog-t)}
.warn{background:var(--warn-b);color:var(--warn-t)}.bad{background:var(--bad-b);color:var(--bad-t)}.neutral{background:var(--neu-b);color:var(--neu-t)}
.meta{margin:0;padding:0 14px;color:var(--t2);font-size:13px}
.steps{list-style:none;margin:12px 14px 4px;padding:0;display:flex}
.steps li{flex:1;position:relative;text-align:center;font-size:12px;color:var(--t2);padding-top:18px}
.steps li::before{content:"";position:absolute;top:3px;left:50%;width:12px;height:12px;margin-left:-6px;border-radius:50%;background:var(--s);border:2px solid var(--bd);z-index:1}
.steps li::after{content:"";position:absolute;top:8px;left:-50%;width:100%;height:2px;background:var(--bd)}
.steps li:first-child::after{display:none}
.steps li.done::before{background:var(--tb-bg);border-color:var(--tb-bg)}
.steps li.done::after{background:var(--tb-bg)}
.steps li.cur{color:var(--t);font-weight:650}
.steps li.cur::before{box-shadow:0 0 0 4px color-mix(in srgb,var(--tb-bg) 25%,transparent)}
.ships{list-style:none;margin:0;padding:6px 14px 4px;display:flex;flex-direction:column;gap:8px}
.ship{border-top:1px solid var(--bd);padding-top:10px}
.ship:first-child{border-top:0}
.sh{display:flex;justify-content:space-between;gap:8px;align-items:baseline;flex-wrap:wrap}
.carrier{font-weight:650}
.pk{color:var(--t2);font-size:12.5px}
.sst{font-size:13px;color:var(--t2)}
.sd{font-size:14px;margin-top:2px}
.trk{display:flex;align-items:center;gap:6px;margin-top:4px;font-size:13px;color:var(--t2);flex-wrap:wrap}
.trk code{font:13px/1.3 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:var(--t);background:var(--s2);padding:2px 6px;border-radius:6px;user-select:all;overflow-wrap:anywhere}
.track{display:inline-flex;align-items:center;gap:6px;margin-top:8px;padding:8px 12px;border-radius:10px;background:var(--tb-bg);color:var(--tb-fg);text-decoration:none;font-weight:600;font-size:14px}
.track:hover{filter:brightness(1.07)}
.track svg{width:14px;height:14px;fill:currentColor}
.itm{padding:6px 14px 4px}.itm .sst{margin-top:4px}
.its{margin:6px 0 0;padding:0;list-style:none;font-size:13px;color:var(--t2)}
.its li{overflow-wrap:anywhere}
.cf{display:flex;justify-content:space-between;align-items:center;gap:8px;flex-wrap:wrap;padding:10px 14px 12px;margin-top:6px;border-top:1px solid var(--bd);font-size:13px;color:var(--t2)}
.cf a{color:var(--lk);font-weight:600;text-decoration:none}
.cf a:hover{text-decoration:underline}
.ol{list-style:none;margin:6px 0 0;padding:0;display:flex;flex-direction:column;gap:6px}
.orow{width:100%;font:inherit;text-align:left;display:grid;grid-template-columns:1fr auto;gap:2px 10px;padding:10px 12px;border-radius:12px;border:1px solid var(--bd);background:var(--s);color:var(--t);cursor:pointer}
.orow:hover{border-color:var(--lk)}
.orow .on{font-weight:650}
.orow .od{grid-column:1;color:var(--t2);font-size:13px}
.orow .badge{grid-row:1/3;grid-column:2;align-self:center}
.hf{display:flex;flex-direction:column;gap:8px;margin-top:6px;padding:12px;border:1px solid var(--bd);border-radius:14px;background:var(--s)}
.hf label{font-size:13px;font-weight:600;color:var(--t2)}
.hf input,.hf textarea{font:inherit;font-size:16px;width:100%;padding:9px 11px;border-radius:10px;border:1px solid var(--bd);background:var(--s);color:var(--t)}
.hf textarea{min-height:78px;resize:vertical}
.hf [aria-invalid=true]{border-color:var(--bad-t);box-shadow:0 0 0 1px var(--bad-t)}
.hf button{font:inherit;font-weight:600;padding:10px 14px;border:0;border-radius:10px;background:var(--tb-bg);color:var(--tb-fg);cursor:pointer}
.hf button:disabled,.hf input:disabled,.hf textarea:disabled{opacity:.6;cursor:default}
.ig{border:0;margin:0;padding:0;display:flex;flex-direction:column;gap:6px}
.hf .ck{display:flex;gap:8px;align-items:center;font-weight:400;color:var(--t)}
.hf .ck input{width:20px;height:20px;flex:none}
.ie:empty{display:none}.ie{margin:0;font-size:13px;color:var(--bad-t)}
.f{display:flex;align-items:flex-end;gap:8px;padding:10px 12px 12px;border-top:1px solid var(--bd);background:var(--s);flex:none}
.f input{flex:1;min-width:0;font:inherit;font-size:16px;padding:10px 14px;border-radius:22px;border:1px solid var(--bd);background:var(--s2);color:var(--t)}
.f input::placeholder{color:var(--t2);opacity:1}
.f input:focus-visible{outline:2px solid var(--lk);outline-offset:0;border-color:transparent}
.send{width:44px;height:44px;flex:none;border:0;border-radius:50%;background:var(--tb-bg);color:var(--tb-fg);cursor:pointer;display:grid;place-items:center}
.send svg{width:20px;height:20px;fill:currentColor}
.send:disabled{opacity:.5;cursor:default}
.tease{position:fixed;bottom:88px;right:20px;max-width:min(300px,calc(100vw - 40px));display:flex;gap:6px;align-items:flex-start;
padding:12px 8px 12px 14px;border-radius:16px;background:var(--s);color:var(--t);border:1px solid var(--bd);
box-shadow:0 8px 28px rgba(0,0,0,.18);font:14.5px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;animation:tb-up .2s ease-out}
.tease.left{right:auto;left:20px}
.tease button.tt{all:unset;cursor:pointer;flex:1;color:inherit}
.tease button.tt:focus-visible{outline:2px solid var(--lk);outline-offset:2px;border-radius:4px}
.tease .ib{width:28px;height:28px;color:var(--t2)}
.tease .ib svg{width:16px;height:16px}
@media (prefers-reduced-motion:reduce){.p,.m,.tease{animation:none}.typing i{animation:none;opacity:.7}.log{scroll-behavior:auto}}
@media (forced-colors:active){.b,.card,.chip,.orow,.hf,.p{border:1px solid CanvasText}}
`;
