// The first step of `npm start` and `npm run dist`: says in one sentence which Node.js is needed, instead of a stack
// trace from deep inside a tool. CommonJS and old syntax on purpose, so that it runs on the old Node it warns about.
//
// What really runs (found by reading the packages and running Electron's downloader on Node 20):
// - Electron's downloader (electron/install.js) loads @electron/get 5 and @electron-internal/extract-zip, both ES
//   modules, with require(): Node 20.19+ on the 20 line, 22.12+ on the 22 line. Their `engines` say >= 22.12, but
//   they download and unpack Electron on Node 20.19+ (npm only warns, EBADENGINE).
// - The build and test tools declare ^20.19 || >=22.12 (Vite, Vitest) and ^20.19 || ^22.13 || >=24 (ESLint 10).
// - electron-store runs inside Electron's own Node, not this one.
// - Packaging (electron-builder: @electron/rebuild, node-abi, @electron/fuses) declares >= 22.12.
'use strict';

/** Per release line, the first version that works; `from` alone: that version and every later line. */
var REQUIREMENTS = {
  start: [
    { line: 20, from: '20.19.0' },
    { line: 22, from: '22.13.0' },
    { from: '24.0.0' },
  ],
  dist: [{ from: '22.12.0' }],
};

function parse(version) {
  var parts = String(version).replace(/^v/, '').split('.');
  return [Number(parts[0]) || 0, Number(parts[1]) || 0, Number(parts[2]) || 0];
}

function atLeast(version, minimum) {
  var a = parse(version);
  var b = parse(minimum);
  for (var i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}

function supports(requirement, version) {
  var major = parse(version)[0];
  return requirement.some(function (r) {
    return (r.line === undefined || r.line === major) && atLeast(version, r.from);
  });
}

/** As package.json's `engines.node` writes it. */
function engineRange(requirement) {
  return requirement
    .map(function (r) {
      return (r.line === undefined ? '>=' : '^') + r.from;
    })
    .join(' || ');
}

/** As a person reads it: "Node.js 20.19 or later 20.x, 22.13 or later 22.x, or 24 and newer". */
function describe(requirement) {
  var short = function (v) {
    return v.replace(/\.0$/, '').replace(/^(\d+)\.0$/, '$1');
  };
  var parts = requirement.map(function (r) {
    return r.line === undefined ? short(r.from) + ' or newer' : short(r.from) + ' or later ' + r.line + '.x';
  });
  var last = parts.pop();
  return 'Node.js ' + (parts.length ? parts.join(', ') + ', or ' + last : last);
}

function message(what, version) {
  return (
    'Kling Studio needs ' + describe(REQUIREMENTS[what]) + ' for `npm ' + (what === 'start' ? 'start' : 'run ' + what) + '`; this is Node.js ' +
    version + '.\nInstall a current LTS release from https://nodejs.org/ (or `nvm install --lts`), then run it again.'
  );
}

module.exports = { REQUIREMENTS: REQUIREMENTS, supports: supports, engineRange: engineRange, describe: describe, message: message };

if (require.main === module) {
  var what = process.argv[2] || 'start';
  if (!REQUIREMENTS[what]) {
    console.error('check-node: unknown command ' + what);
    process.exit(2);
  }
  if (!supports(REQUIREMENTS[what], process.versions.node)) {
    console.error(message(what, process.versions.node));
    process.exit(1);
  }
}
