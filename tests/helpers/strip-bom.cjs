// Jest's module runtime cannot require() an ES module, which Node itself can since 20.19; @microsoft/app-manifest
// (CommonJS) requires strip-bom (ESM only). Under jest only, this CommonJS copy of its one function stands in.
module.exports = function stripBom(string) {
  if (typeof string !== 'string') throw new TypeError(`Expected a string, got ${typeof string}`);
  return string.charCodeAt(0) === 0xfeff ? string.slice(1) : string;
};
module.exports.default = module.exports;
