// A recorder in place of Web Audio, for the tests of hearing a chart in every engine: each
// note the page schedules is kept in `window.__audio.notes` ({ hz, at }), with the contexts
// made and the notes stopped. It must run before the page's scripts: the wasm glue takes the
// AudioContext class when it loads.
export const FAKE_AUDIO = `window.__audio = { contexts: 0, notes: [], stopped: 0 };
(function () {
  function Node() {}
  Node.prototype.connect = function (n) { return n; };
  Node.prototype.disconnect = function () {};
  function Param(osc) { this.osc = osc; }
  Param.prototype.setValueAtTime = function (v, t) { if (this.osc) this.osc.note = { hz: v, at: t }; return this; };
  Param.prototype.linearRampToValueAtTime = function () { return this; };
  function Oscillator() { this.frequency = new Param(this); }
  Oscillator.prototype = Object.create(Node.prototype);
  Oscillator.prototype.start = function () { window.__audio.notes.push(this.note); };
  Oscillator.prototype.stop = function (t) { if (t === undefined) window.__audio.stopped += 1; };
  function Gain() { this.gain = new Param(null); }
  Gain.prototype = Object.create(Node.prototype);
  window.AudioContext = function () { window.__audio.contexts += 1; this.currentTime = 0; this.destination = new Node(); };
  window.AudioContext.prototype.createOscillator = function () { return new Oscillator(); };
  window.AudioContext.prototype.createGain = function () { return new Gain(); };
  window.AudioContext.prototype.resume = function () { return Promise.resolve(); };
})();
`;
