// Source files import each other as `./x.js` (ESM with nodenext) while jest runs the `.ts` files. A
// moduleNameMapper that strips `.js` also rewrites relative imports inside node_modules (e.g.
// libphonenumber-js's `metadata.max.json.js`), so this resolver falls back to `.ts` only when the
// `.js` file does not exist.
module.exports = (request, options) => {
  try {
    return options.defaultResolver(request, options);
  } catch (error) {
    if (/^\.{1,2}\/.*\.js$/.test(request)) {
      return options.defaultResolver(request.replace(/\.js$/, '.ts'), options);
    }
    throw error;
  }
};
