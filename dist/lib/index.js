var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path, { windows } = {}) => {
      const segs = path.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length2 = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index2 = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index2 >= length2;
      const peek = () => str.charCodeAt(index2 + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index2);
      };
      while (index2 < length2) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index2);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index2 === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index2 + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index2 === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index2 === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH: MAX_LENGTH2,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote2 = 0;
      let value = "";
      let escaped2 = false;
      for (const ch of input) {
        if (escaped2 === true) {
          value += ch;
          escaped2 = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped2 = true;
          continue;
        }
        if (ch === '"') {
          quote2 = quote2 === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote2 === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped2 = false;
      for (const ch of branch) {
        if (escaped2 === true) {
          escaped2 = false;
          continue;
        }
        if (ch === "\\") {
          escaped2 = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote2 = 0;
      let escaped2 = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped2 === true) {
          escaped2 = false;
          continue;
        }
        if (ch === "\\") {
          escaped2 = true;
          continue;
        }
        if (ch === '"') {
          quote2 = quote2 === 1 ? 0 : 1;
          continue;
        }
        if (quote2 === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index2 = 0;
      const chars = [];
      while (index2 < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index2), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index2 += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal2 = normalizeSimpleBranch(branch);
        if (literal2 && literal2.length === 1) {
          safeChars.push(literal2);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse3 = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH2, opts.maxLength) : MAX_LENGTH2;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants.globChars(opts.windows);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal2 = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal2;
          open.output = safeOutput || utils.escapeRegex(literal2);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse3(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index2) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index2 === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix10 = POSIX_REGEX_SOURCE[rest2];
                if (posix10) {
                  prev.value = pre + posix10;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped2 = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped2;
            prev.value = escaped2;
            continue;
          }
          prev.value = `(${capture}${escaped2}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse3.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH2, opts.maxLength) : MAX_LENGTH2;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse3;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse3 = require_parse();
    var utils = require_utils();
    var constants = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix10 = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob, options) : picomatch2.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob, posix: posix10 });
        const result = { glob, state, regex, posix: posix10, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob, posix: posix10 } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix10 ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix10);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob, options, posix10 = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch2.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix10 }));
    };
    picomatch2.isMatch = (str, patterns, options) => picomatch2(patterns, options)(str);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse3(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse3.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse3(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants;
    module.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch2(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module.exports = picomatch2;
  }
});

// src/text/one-line.ts
var BREAKS_LINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;
var SHORT = { "\n": "\\n", "\r": "\\r" };
function oneLine(text2) {
  return text2.replace(BREAKS_LINE, (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

// src/text/quoted-excerpt.ts
var EXCERPT_CHARACTERS = 100;
function quotedExcerpt(text2) {
  if (text2.length <= EXCERPT_CHARACTERS) return quoted(text2);
  const cut = text2.slice(0, EXCERPT_CHARACTERS).replace(/[\uD800-\uDBFF]$/, "");
  return `${quoted(`${cut}\u2026`)} (${text2.length} characters)`;
}
function quoted(text2) {
  return oneLine(JSON.stringify(text2));
}

// src/text/escape-regexp.ts
function escapeRegExp(text2) {
  return text2.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

// src/image/reference.ts
var ImageRefError = class extends Error {
  constructor(input, reason) {
    super(`invalid image reference ${quotedExcerpt(input)}: ${reason}`);
    this.input = input;
    this.reason = reason;
    this.name = "ImageRefError";
  }
  input;
  reason;
};
var MAX_NAME_LENGTH = 255;
var MAX_TAG_LENGTH = 128;
var DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
var IPV6 = /^\[[0-9a-fA-F:.]+\]$/;
var PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
var TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
var DIGEST_HEX_LENGTH = /* @__PURE__ */ new Map([
  ["sha256", 64],
  ["sha384", 96],
  ["sha512", 128]
]);
var SUPPORTED_ALGORITHMS = "sha256, sha384 and sha512, in lower case";
var DOCKER_HUB = "docker.io";
function isTag(text2) {
  return TAG.test(text2);
}
function spelledAsDigest(text2) {
  const colon = text2.indexOf(":");
  return colon > 0 && DIGEST_HEX_LENGTH.has(text2.slice(0, colon));
}
function isDigest(text2) {
  return tryParseImageRef(`digest@${text2}`)?.digest === text2;
}
function dangerousCharacter(text2) {
  for (const ch of text2) {
    const code = ch.codePointAt(0);
    if (ch === "\n" || ch === "\r") return "a newline";
    if (ch === " ") return "a space";
    if (ch === "	") return "a tab";
    if (code < 32 || code === 127) return `a control character (U+${code.toString(16).padStart(4, "0").toUpperCase()})`;
    if (ch === '"' || ch === "'" || ch === "`") return `a quote (${ch})`;
    if (ch === "#") return "a '#' (it would start a comment)";
    if (ch === "\\") return "a backslash";
    if (code > 126) return `a non-ASCII character (${ch})`;
  }
  if (text2.includes("${")) return "an interpolation ('${')";
  return void 0;
}
function writtenRegistry(name) {
  const slash = name.indexOf("/");
  return slash > 0 && isDomain(name.slice(0, slash)) ? name.slice(0, slash) : void 0;
}
function isDomain(component) {
  return component.includes(".") || component.includes(":") || component === "localhost" || component !== component.toLowerCase();
}
function checkDomain(input, domain) {
  let host = domain;
  const portAt = domain.startsWith("[") ? domain.indexOf("]:") + 1 : domain.lastIndexOf(":");
  if (portAt > 0) {
    const port = domain.slice(portAt + 1);
    if (!/^[0-9]+$/.test(port) || Number(port) > 65535) throw new ImageRefError(input, `registry port ${JSON.stringify(port)} is not a number from 0 to 65535`);
    host = domain.slice(0, portAt);
  }
  if (IPV6.test(host)) return;
  for (const part of host.split(".")) {
    if (!DOMAIN_COMPONENT.test(part)) throw new ImageRefError(input, `registry host ${JSON.stringify(host)} is not a valid host name`);
  }
}
function checkDigest(input, digest) {
  const colon = digest.indexOf(":");
  if (colon <= 0) throw new ImageRefError(input, `digest ${quotedExcerpt(digest)} is not <algorithm>:<hex>, e.g. sha256:<64 hex digits>`);
  const algorithm = digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  const expected = DIGEST_HEX_LENGTH.get(algorithm);
  if (expected === void 0)
    throw new ImageRefError(
      input,
      `unsupported digest algorithm ${quotedExcerpt(algorithm)}: Kubernetes and the container runtimes accept ${SUPPORTED_ALGORITHMS}`
    );
  if (hex.length !== expected) throw new ImageRefError(input, `a ${algorithm} digest has ${expected} hex digits, this one has ${hex.length}`);
  if (!/^[0-9a-f]+$/.test(hex)) throw new ImageRefError(input, `a ${algorithm} digest is lower-case hex (0-9, a-f)`);
}
function parseImageRef(input) {
  if (input.length === 0) throw new ImageRefError(input, "it is empty");
  const bad = dangerousCharacter(input);
  if (bad) throw new ImageRefError(input, `it contains ${bad}`);
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(input)?.[0];
  if (scheme) throw new ImageRefError(input, `it starts with ${JSON.stringify(scheme)}; a reference has no scheme: drop it (${input.slice(scheme.length)})`);
  let rest = input;
  let digest;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (digest.includes("@")) throw new ImageRefError(input, "it has more than one '@'");
    checkDigest(input, digest);
  }
  let tag;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.indexOf(":", lastSlash + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (tag.length === 0) throw new ImageRefError(input, "the tag after ':' is empty");
    if (tag.length > MAX_TAG_LENGTH) throw new ImageRefError(input, `the tag is ${tag.length} characters long, at most ${MAX_TAG_LENGTH} are allowed`);
    if (tag.includes(":")) throw new ImageRefError(input, "it has more than one ':' after its last '/': a reference is name:tag, with one ':' before the tag");
    if (!TAG.test(tag))
      throw new ImageRefError(input, `tag ${JSON.stringify(tag)} may only hold letters, digits, '_', '.', '-' and must not start with '.' or '-'`);
  }
  const name = rest;
  if (name.length === 0) throw new ImageRefError(input, "the repository name is empty");
  if (name.length > MAX_NAME_LENGTH) throw new ImageRefError(input, `the name is ${name.length} characters long, at most ${MAX_NAME_LENGTH} are allowed`);
  const parts = name.split("/");
  let domain;
  if (parts.length > 1 && isDomain(parts[0])) {
    domain = parts.shift();
    checkDomain(input, domain);
  }
  for (const part of parts) {
    if (part.length === 0) throw new ImageRefError(input, "the repository path has an empty component ('//' or a leading or trailing '/')");
    if (!PATH_COMPONENT.test(part)) {
      const why = part !== part.toLowerCase() ? "must be lower-case" : "may only hold a-z, 0-9 and single separators '.', '_', '__' or '-' between them";
      throw new ImageRefError(input, `repository component ${JSON.stringify(part)} ${why}`);
    }
  }
  return { name, repository: canonicalRepository(domain, parts), ...tag !== void 0 && { tag }, ...digest !== void 0 && { digest } };
}
function lowerCasedReference(input) {
  if (tryParseImageRef(input)) return void 0;
  const end = input.search(/[:@][^/]*$/);
  const name = end === -1 ? input : input.slice(0, end);
  const lowered = name.toLowerCase() + input.slice(name.length);
  return lowered !== input && tryParseImageRef(lowered) ? lowered : void 0;
}
function builtRefProblem(ref) {
  const text2 = formatImageRef(ref);
  let parsed;
  try {
    parsed = parseImageRef(text2);
  } catch (error) {
    if (error instanceof ImageRefError) return error.message;
    throw error;
  }
  const part = ["name", "repository", "tag", "digest"].find((key) => parsed[key] !== ref[key]);
  return part && `${JSON.stringify(text2)} has ${part} ${JSON.stringify(parsed[part])}, not ${JSON.stringify(ref[part])}`;
}
function tryParseImageRef(input) {
  try {
    return parseImageRef(input);
  } catch {
    return void 0;
  }
}
function canonicalRepository(domain, path) {
  let registry = domain?.toLowerCase() ?? DOCKER_HUB;
  if (registry === "index.docker.io" || registry === "registry-1.docker.io") registry = DOCKER_HUB;
  if (registry === DOCKER_HUB && path.length === 1) return `${DOCKER_HUB}/library/${path[0]}`;
  return `${registry}/${path.join("/")}`;
}
function normalizeRepository(name) {
  const ref = tryParseImageRef(name);
  return ref && ref.tag === void 0 && ref.digest === void 0 ? ref.repository : void 0;
}
function formatImageRef(ref) {
  return `${ref.name}${ref.tag !== void 0 ? `:${ref.tag}` : ""}${ref.digest !== void 0 ? `@${ref.digest}` : ""}`;
}
function screenToken(ref) {
  const path = ref.repository.slice(ref.repository.indexOf("/") + 1);
  return path.startsWith("library/") && ref.repository.startsWith(`${DOCKER_HUB}/`) ? path.slice("library/".length) : path;
}
function repositoryPattern(image) {
  return new RegExp(`${escapeRegExp(screenToken(image))}(?![\\w./-])`);
}

// src/change.ts
function valueBefore(change) {
  return change.op === "create" ? void 0 : change.old;
}
function valueAfter(change) {
  return change.op === "delete" ? void 0 : change.new;
}
function isAside(warning) {
  return "aside" in warning && warning.aside === true;
}
function formatDiagnostic(d) {
  return `${d.file ? `${d.file}${d.line !== void 0 ? `:${d.line}` : ""}: ` : ""}${d.message}`;
}
function versionNoteWarning(field2, why, kind2, image) {
  return { message: `${field2} ${why}`, ...kind2 && { kind: kind2 }, about: { field: field2, reason: "version", said: why, ...image !== void 0 && { image } } };
}
function publicWarning(warning) {
  if (!("about" in warning)) return warning;
  const { about: _, ...rest } = warning;
  return rest;
}
function publicChange(change) {
  if (!("repository" in change)) return change;
  const { repository: _, ...rest } = change;
  return rest;
}
function publicResult(result) {
  return { ...result, changes: result.changes.map(publicChange), warnings: result.warnings.map(publicWarning) };
}
var UPDATE = "{ image: parseImageRef(...), policy? }";
function fullEditRequest(request) {
  const { images = [], setters = /* @__PURE__ */ new Map(), knownSetters, kustomizeTagged: kustomizeTagged2, pairedTags, file } = request;
  if (file !== void 0 && typeof file !== "string")
    throw new TypeError(`EditRequest.file must be a string (the text's path or file name), not ${describeValue(file)}`);
  if (!Array.isArray(images)) throw new TypeError(`EditRequest.images must be an array of ${UPDATE}, not ${describeValue(images)}`);
  images.forEach((u, i) => checkUpdate(u, `EditRequest.images[${i}]`));
  for (const [name, map2] of [
    ["setters", setters],
    ["knownSetters", knownSetters],
    ["kustomizeTagged", kustomizeTagged2],
    ["pairedTags", pairedTags]
  ]) {
    if (map2 !== void 0 && !isMapLike(map2))
      throw new TypeError(`EditRequest.${name} must be a Map (new Map(Object.entries(...)) makes one), not ${describeValue(map2)}`);
  }
  for (const [key, u] of setters) checkUpdate(u, `EditRequest.setters' ${JSON.stringify(key)}`);
  return { ...request, images, setters };
}
function checkUpdate(value, named2) {
  if (!isImageUpdate(value)) throw new TypeError(`${named2} must be ${UPDATE}, not ${describeValue(value)}`);
  const { image } = value;
  if (image.tag === void 0 && image.digest === void 0)
    throw new TypeError(
      `${named2} must have a tag or digest to write: ${image.repository} has neither, so it would change nothing; give repo:tag or repo@sha256:... to parseImageRef`
    );
  const problem = builtRefProblem(image);
  if (problem !== void 0) throw new TypeError(`${named2}'s image is not what parseImageRef gives: ${problem}`);
}
function isMapLike(value) {
  const map2 = value;
  return typeof map2?.get === "function" && typeof map2.has === "function" && typeof map2[Symbol.iterator] === "function";
}
function isImageUpdate(value) {
  return typeof value === "object" && value !== null && "image" in value && typeof value.image?.repository === "string";
}
function describeValue(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") {
    const name = value.constructor?.name;
    return Object.getPrototypeOf(value) === Object.prototype ? "a plain object" : name ? `a ${name}` : "an object";
  }
  return `a ${typeof value} (${JSON.stringify(value) ?? String(value)})`;
}
var SourceError = class extends Error {
  constructor(message, line, column) {
    super(message);
    this.line = line;
    this.column = column;
    this.name = "SourceError";
  }
  line;
  column;
};

// src/image/flux-semver.ts
var UINT64_MAX = 2n ** 64n - 1n;
var LOOSE_VERSION = /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
function segment(text2) {
  if (text2 === void 0) return 0n;
  const value = BigInt(text2.replace(/^\./, ""));
  return value <= UINT64_MAX ? value : void 0;
}
function newVersion(text2) {
  const m = LOOSE_VERSION.exec(text2);
  if (!m) return void 0;
  const prerelease = m[4] ?? "";
  if (prerelease.split(".").some((part) => /^0[0-9]+$/.test(part))) return void 0;
  const major = segment(m[1]);
  const minor = segment(m[2]);
  const patch = segment(m[3]);
  if (major === void 0 || minor === void 0 || patch === void 0) return void 0;
  return { major, minor, patch, prerelease, original: text2 };
}
function parseFluxVersion(tag) {
  return tag.split(".").length >= 3 ? newVersion(tag) : void 0;
}
function compareNumbers(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
var NUMERIC_IDENTIFIER = /^[0-9]+$/;
function compareIdentifier(a, b) {
  if (a === b) return 0;
  if (a === "") return -1;
  if (b === "") return 1;
  const aNumber = NUMERIC_IDENTIFIER.test(a) && BigInt(a) <= UINT64_MAX;
  const bNumber = NUMERIC_IDENTIFIER.test(b) && BigInt(b) <= UINT64_MAX;
  if (aNumber && bNumber) return BigInt(a) > BigInt(b) ? 1 : -1;
  if (aNumber !== bNumber) return aNumber ? -1 : 1;
  return a > b ? 1 : -1;
}
function comparePrerelease(a, b) {
  const as = a.split(".");
  const bs = b.split(".");
  for (let i = 0; i < Math.max(as.length, bs.length); i++) {
    const d = compareIdentifier(as[i] ?? "", bs[i] ?? "");
    if (d !== 0) return d;
  }
  return 0;
}
function compareFluxVersions(a, b) {
  const main = compareNumbers(a.major, b.major) || compareNumbers(a.minor, b.minor) || compareNumbers(a.patch, b.patch);
  if (main !== 0) return main;
  if (a.prerelease === b.prerelease) return 0;
  if (a.prerelease === "") return 1;
  if (b.prerelease === "") return -1;
  return comparePrerelease(a.prerelease, b.prerelease);
}
var SemverRangeError = class extends Error {
  constructor(range) {
    super(`invalid range ${JSON.stringify(range)}`);
    this.range = range;
    this.name = "SemverRangeError";
  }
  range;
};
var WS = "[\\t\\n\\f\\r ]";
var OPS = "=||!=|>|<|>=|=>|<=|=<|~|~>|\\^";
var CV = "v?([0-9|xX*]+)(\\.[0-9|xX*]+)?(\\.[0-9|xX*]+)?(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?";
var CONSTRAINT = new RegExp(`^${WS}*(${OPS})${WS}*(${CV})${WS}*$`);
var HYPHEN_RANGE = new RegExp(`${WS}*(${CV})${WS}+-${WS}+(${CV})${WS}*`, "g");
var FIND_CONSTRAINT = new RegExp(`(${OPS})${WS}*(${CV})`, "g");
var VALID_GROUP = new RegExp(`^(${WS}*(${OPS})${WS}*(${CV})${WS}*)((?:${WS}+|,${WS}*)(${OPS})${WS}*(${CV})${WS}*)*$`);
function isWildcard(part) {
  return part === "x" || part === "X" || part === "*";
}
function parseComparator(range, text2) {
  const m = CONSTRAINT.exec(text2);
  if (!m) throw new SemverRangeError(range);
  const op = m[1];
  const [major, minor, patch, pre] = [m[3], m[4] ?? "", m[5] ?? "", m[6] ?? ""];
  let version = m[2];
  let dirty = false;
  let minorDirty = false;
  let patchDirty = false;
  if (isWildcard(major)) {
    version = `0.0.0${pre}`;
    dirty = true;
  } else if (minor === "" || isWildcard(minor.slice(1))) {
    version = `${major}.0.0${pre}`;
    dirty = minorDirty = true;
  } else if (patch === "" || isWildcard(patch.slice(1))) {
    version = `${major}${minor}.0${pre}`;
    dirty = patchDirty = true;
  }
  const parsed = newVersion(version);
  if (!parsed) throw new SemverRangeError(range);
  return { op, version: parsed, dirty, minorDirty, patchDirty };
}
function rewriteHyphenRanges(range) {
  let out = range;
  for (const m of range.matchAll(HYPHEN_RANGE)) {
    const replacement = `>= ${m[1]}, <= ${m[11]}`;
    out = out.replace(m[0], () => replacement);
  }
  return out;
}
function isZero(v) {
  return v.major === 0n && v.minor === 0n && v.patch === 0n;
}
function tilde(v, c) {
  if (compareFluxVersions(v, c.version) < 0) return false;
  if (isZero(c.version) && !c.minorDirty && !c.patchDirty) return true;
  if (v.major !== c.version.major) return false;
  return v.minor === c.version.minor || c.minorDirty;
}
function caret(v, c) {
  const con = c.version;
  if (compareFluxVersions(v, con) < 0) return false;
  if (con.major > 0n || c.minorDirty) return v.major === con.major;
  if (v.major > 0n) return false;
  if (con.minor > 0n || c.patchDirty) return v.minor === con.minor;
  if (v.minor > 0n) return false;
  return v.patch === con.patch;
}
function notEqual(v, c) {
  const con = c.version;
  if (c.dirty) {
    if (con.major !== v.major) return true;
    if (con.minor !== v.minor && !c.minorDirty) return true;
    if (c.minorDirty) return false;
    if (con.patch !== v.patch && !c.patchDirty) return true;
    if (c.patchDirty) return (v.prerelease !== "" || con.prerelease !== "") && comparePrerelease(v.prerelease, con.prerelease) !== 0;
  }
  return compareFluxVersions(v, con) !== 0;
}
function greaterThan(v, c) {
  const con = c.version;
  if (!c.dirty) return compareFluxVersions(v, con) > 0;
  if (v.major !== con.major) return v.major > con.major;
  if (c.minorDirty) return false;
  if (c.patchDirty) return v.minor > con.minor;
  return compareFluxVersions(v, con) > 0;
}
function lessThanOrEqual(v, c) {
  const con = c.version;
  if (!c.dirty) return compareFluxVersions(v, con) <= 0;
  if (v.major > con.major) return false;
  return !(v.major === con.major && v.minor > con.minor && !c.minorDirty);
}
function satisfies(v, c, includePrerelease) {
  if (v.prerelease !== "" && !includePrerelease) return false;
  switch (c.op) {
    case "":
    case "=":
      return c.dirty ? tilde(v, c) : compareFluxVersions(v, c.version) === 0;
    case "!=":
      return notEqual(v, c);
    case ">":
      return greaterThan(v, c);
    case "<":
      return compareFluxVersions(v, c.version) < 0;
    case ">=":
    case "=>":
      return compareFluxVersions(v, c.version) >= 0;
    case "<=":
    case "=<":
      return lessThanOrEqual(v, c);
    case "~":
    case "~>":
      return tilde(v, c);
    case "^":
      return caret(v, c);
  }
}
function parseFluxRange(range) {
  const groups = rewriteHyphenRanges(range).split("||").map((group) => {
    if (!VALID_GROUP.test(group)) throw new SemverRangeError(range);
    const comparators = Array.from(group.matchAll(FIND_CONSTRAINT), (m) => parseComparator(range, m[0]));
    return { comparators, includePrerelease: comparators.some((c) => c.version.prerelease !== "") };
  });
  return {
    range,
    satisfiedBy: (v) => groups.some((g) => g.comparators.every((c) => satisfies(v, c, g.includePrerelease)))
  };
}

// src/image/go-regexp-class.ts
var DOT = { has: (cp) => cp !== 10 };
var DOT_ALL = { has: () => true };
var ClassSet = class {
  constructor(source) {
    this.source = source;
    this.regexp = new RegExp(`^${source}$`, "v");
  }
  source;
  regexp;
  /** Answers for the first 256 code points, filled on first test: 0 unknown, 1 in, 2 out. Tags are ASCII. */
  known = new Uint8Array(256);
  has(cp) {
    if (cp >= 256) return this.regexp.test(String.fromCodePoint(cp));
    if (this.known[cp] === 0) this.known[cp] = this.regexp.test(String.fromCodePoint(cp)) ? 1 : 2;
    return this.known[cp] === 1;
  }
};
var GO_SPACE = "\\x09\\x0a\\x0c\\x0d\\x20";
var POSIX_CLASSES = {
  alnum: "0-9A-Za-z",
  alpha: "A-Za-z",
  ascii: "\\x00-\\x7f",
  blank: "\\x09\\x20",
  cntrl: "\\x00-\\x1f\\x7f",
  digit: "0-9",
  graph: "\\x21-\\x7e",
  lower: "a-z",
  print: "\\x20-\\x7e",
  punct: "\\x21-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7e",
  space: "\\x09-\\x0d\\x20",
  upper: "A-Z",
  word: "0-9A-Za-z_",
  xdigit: "0-9A-Fa-f"
};
function literal(cp) {
  if (cp >= 48 && cp <= 57 || cp >= 65 && cp <= 90 || cp >= 97 && cp <= 122) return String.fromCodePoint(cp);
  return cp <= 255 ? `\\x${cp.toString(16).padStart(2, "0")}` : `\\u{${cp.toString(16)}}`;
}
var GO_CATEGORIES = new Set(
  "C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs".split(" ")
);
var GO_SCRIPTS = new Set(
  "Adlam Ahom Anatolian_Hieroglyphs Arabic Armenian Avestan Balinese Bamum Bassa_Vah Batak Bengali Bhaiksuki Bopomofo Brahmi Braille Buginese Buhid Canadian_Aboriginal Carian Caucasian_Albanian Chakma Cham Cherokee Chorasmian Common Coptic Cuneiform Cypriot Cypro_Minoan Cyrillic Deseret Devanagari Dives_Akuru Dogra Duployan Egyptian_Hieroglyphs Elbasan Elymaic Ethiopic Georgian Glagolitic Gothic Grantha Greek Gujarati Gunjala_Gondi Gurmukhi Han Hangul Hanifi_Rohingya Hanunoo Hatran Hebrew Hiragana Imperial_Aramaic Inherited Inscriptional_Pahlavi Inscriptional_Parthian Javanese Kaithi Kannada Katakana Kawi Kayah_Li Kharoshthi Khitan_Small_Script Khmer Khojki Khudawadi Lao Latin Lepcha Limbu Linear_A Linear_B Lisu Lycian Lydian Mahajani Makasar Malayalam Mandaic Manichaean Marchen Masaram_Gondi Medefaidrin Meetei_Mayek Mende_Kikakui Meroitic_Cursive Meroitic_Hieroglyphs Miao Modi Mongolian Mro Multani Myanmar Nabataean Nag_Mundari Nandinagari New_Tai_Lue Newa Nko Nushu Nyiakeng_Puachue_Hmong Ogham Ol_Chiki Old_Hungarian Old_Italic Old_North_Arabian Old_Permic Old_Persian Old_Sogdian Old_South_Arabian Old_Turkic Old_Uyghur Oriya Osage Osmanya Pahawh_Hmong Palmyrene Pau_Cin_Hau Phags_Pa Phoenician Psalter_Pahlavi Rejang Runic Samaritan Saurashtra Sharada Shavian Siddham SignWriting Sinhala Sogdian Sora_Sompeng Soyombo Sundanese Syloti_Nagri Syriac Tagalog Tagbanwa Tai_Le Tai_Tham Tai_Viet Takri Tamil Tangsa Tangut Telugu Thaana Thai Tibetan Tifinagh Tirhuta Toto Ugaritic Vai Vithkuqi Wancho Warang_Citi Yezidi Yi Zanabazar_Square".split(" ")
);
function unicodeClass(name, negated) {
  let negate = negated;
  let property = name;
  if (property.startsWith("^")) {
    negate = !negate;
    property = property.slice(1);
  }
  const jsName = property === "Any" || GO_CATEGORIES.has(property) ? property : GO_SCRIPTS.has(property) ? `Script=${property}` : void 0;
  return jsName === void 0 ? void 0 : { body: `\\p{${jsName}}`, negated: negate };
}
var caseChangingCodePoints;
function caseChanging() {
  if (caseChangingCodePoints === void 0) {
    const changes = new RegExp("[\\p{Changes_When_Casefolded}\\p{Changes_When_Casemapped}]", "gv");
    const found = [];
    for (let block = 0; block < 1114112; block += 4096) {
      const cps = Array.from({ length: 4096 }, (_, i) => block + i).filter((cp) => cp < 55296 || cp > 57343);
      found.push(...String.fromCodePoint(...cps).match(changes) ?? []);
    }
    caseChangingCodePoints = found.join("");
  }
  return caseChangingCodePoints;
}
function foldedExtras(body) {
  const plain = new RegExp(`[${body}]`, "v");
  const folded = caseChanging().match(new RegExp(`[${body}]`, "giv")) ?? [];
  return folded.filter((ch) => !plain.test(ch)).map((ch) => literal(ch.codePointAt(0))).join("");
}

// src/image/go-regexp-parse.ts
var GoRegexpError = class extends Error {
  constructor(pattern, reason) {
    super(`invalid regular expression ${JSON.stringify(pattern)}: ${reason}`);
    this.pattern = pattern;
    this.reason = reason;
    this.name = "GoRegexpError";
  }
  pattern;
  reason;
};
var BEGIN_LINE = 1;
var END_LINE = 2;
var BEGIN_TEXT = 4;
var END_TEXT = 8;
var WORD_BOUNDARY = 16;
var NO_WORD_BOUNDARY = 32;
var EMPTY = { kind: "empty" };
var FLAG_LETTERS = { i: "ignoreCase", m: "multiLine", s: "dotAll", U: "ungreedy" };
var SIMPLE_ESCAPES = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
var MAX_REPEAT = 1e3;
var MAX_HEIGHT = 1e3;
var MAX_SIZE = Math.floor((128 << 20) / 40);
function isAsciiAlnum(ch) {
  return /^[0-9A-Za-z]$/.test(ch);
}
function children(node2) {
  switch (node2.kind) {
    case "capture":
    case "repeat":
      return [node2.sub];
    case "concat":
    case "alternate":
      return node2.subs;
    default:
      return [];
  }
}
function oneCharacter(node2) {
  return node2.kind === "char" || node2.kind === "set";
}
function withinRepeatLimit(node2, limit) {
  let n = limit;
  if (node2.kind === "repeat") {
    if (node2.max === 0) return true;
    const copies = node2.max === Infinity ? node2.min : node2.max;
    if (copies > n) return false;
    if (copies > 0) n = Math.floor(n / copies);
  }
  return children(node2).every((sub) => withinRepeatLimit(sub, n));
}
var Parser = class {
  constructor(src) {
    this.src = src;
    this.frames = [{ alternatives: [], items: [], capture: void 0, outerFlags: this.flags }];
  }
  src;
  pos = 0;
  groupNames = [void 0];
  flags = { ignoreCase: false, multiLine: false, dotAll: false, ungreedy: false };
  frames;
  /** The last atom read was a repetition operator, which Go does not let another follow (`a**`). */
  afterRepeat = false;
  /** The height of each node with children (a leaf's is 1). */
  heights = /* @__PURE__ */ new Map();
  /** Go's estimate of the program size of each node with children (a leaf's is 1). */
  sizes = /* @__PURE__ */ new Map();
  fail(reason) {
    throw new GoRegexpError(this.src, reason);
  }
  peek(offset = 0) {
    return this.src[this.pos + offset] ?? "";
  }
  rest() {
    return this.src.slice(this.pos);
  }
  get frame() {
    return this.frames[this.frames.length - 1];
  }
  push(node2) {
    this.frame.items.push(node2);
  }
  /** A node with children, refused when the tree grows deeper or larger than Go allows. */
  made(node2) {
    const height = 1 + children(node2).reduce((max, sub) => Math.max(max, this.heights.get(sub) ?? 1), 0);
    if (height > MAX_HEIGHT) this.fail("expression nests too deeply");
    this.heights.set(node2, height);
    const size = Math.max(1, this.size(node2));
    if (size > MAX_SIZE) this.fail("expression too large");
    this.sizes.set(node2, size);
    return node2;
  }
  /** Go's calcSize: the instructions `node` compiles to, counting each copy of a repetition. */
  size(node2) {
    const of = (sub) => this.sizes.get(sub) ?? 1;
    switch (node2.kind) {
      case "capture":
        return 2 + of(node2.sub);
      case "concat":
        return node2.subs.reduce((sum, sub) => sum + of(sub), 0);
      case "alternate": {
        const branches = node2.subs.filter((sub, i) => !(i > 0 && oneCharacter(sub) && oneCharacter(node2.subs[i - 1])));
        return branches.reduce((sum, sub) => sum + of(sub), 0) + branches.length - 1;
      }
      case "repeat": {
        const { min, max } = node2;
        if (max === Infinity) return min === 0 ? 2 + of(node2.sub) : 1 + min * of(node2.sub);
        return max * of(node2.sub) + (max - min);
      }
      default:
        return 1;
    }
  }
  sequence(items) {
    return items.length === 0 ? EMPTY : items.length === 1 ? items[0] : this.made({ kind: "concat", subs: items });
  }
  /** The next code point (a surrogate pair is one character, as a UTF-8 rune is in Go). */
  nextCodePoint() {
    const cp = this.src.codePointAt(this.pos);
    this.pos += cp > 65535 ? 2 : 1;
    return cp;
  }
  parse() {
    while (this.pos < this.src.length) this.atom();
    if (this.frames.length > 1) this.fail("missing closing )");
    return { root: this.close(), groupNames: this.groupNames };
  }
  /** The top frame's alternatives as one node. */
  close() {
    const { alternatives, items } = this.frame;
    alternatives.push(this.sequence(items));
    return alternatives.length === 1 ? alternatives[0] : this.made({ kind: "alternate", subs: alternatives });
  }
  atom() {
    const afterRepeat = this.afterRepeat;
    this.afterRepeat = false;
    const ch = this.peek();
    switch (ch) {
      case "\\":
        this.pos++;
        this.escape();
        return;
      case "[":
        this.push(this.set(this.charClass()));
        return;
      case "(":
        this.group();
        return;
      case ")": {
        if (this.frames.length === 1) this.fail("unexpected )");
        const node2 = this.close();
        const { capture, outerFlags } = this.frames.pop();
        this.flags = outerFlags;
        this.pos++;
        this.push(capture === void 0 ? node2 : this.made({ kind: "capture", index: capture, sub: node2 }));
        return;
      }
      case "|":
        this.pos++;
        this.frame.alternatives.push(this.sequence(this.frame.items));
        this.frame.items = [];
        return;
      case "^":
        this.pos++;
        this.push({ kind: "assert", condition: this.flags.multiLine ? BEGIN_LINE : BEGIN_TEXT });
        return;
      case "$":
        this.pos++;
        this.push({ kind: "assert", condition: this.flags.multiLine ? END_LINE : END_TEXT });
        return;
      case ".":
        this.pos++;
        this.push({ kind: "set", set: this.flags.dotAll ? DOT_ALL : DOT });
        return;
      case "*":
      case "+":
      case "?":
        this.pos++;
        this.repeat(ch === "+" ? 1 : 0, ch === "?" ? 1 : Infinity, afterRepeat);
        return;
      case "{": {
        const m = /^\{(0|[1-9]\d*)(?:(,)(0|[1-9]\d*)?)?\}/.exec(this.rest());
        if (!m) break;
        const min = Number(m[1]);
        const max = m[3] ? Number(m[3]) : m[2] ? Infinity : min;
        if (min > MAX_REPEAT || max !== Infinity && (max > MAX_REPEAT || max < min)) this.fail(`invalid repeat count ${m[0]}`);
        this.pos += m[0].length;
        const node2 = this.repeat(min, max, afterRepeat);
        if ((min >= 2 || max >= 2 && max !== Infinity) && !withinRepeatLimit(node2, MAX_REPEAT)) this.fail(`invalid repeat count ${m[0]}`);
        return;
      }
    }
    this.push(this.char(this.nextCodePoint()));
  }
  /** A literal character; under `i`, the set of its case variants. */
  char(cp) {
    const extras = this.flags.ignoreCase ? foldedExtras(literal(cp)) : "";
    return extras === "" ? { kind: "char", cp } : { kind: "set", set: new ClassSet(`[${literal(cp)}${extras}]`) };
  }
  set(source) {
    return { kind: "set", set: new ClassSet(source) };
  }
  /** A set as a JS class (usable inside a class too); under `i`, folded before it is negated, as Go does. */
  classSource(set2) {
    const extras = this.flags.ignoreCase ? foldedExtras(set2.body) : "";
    return `[${set2.negated ? "^" : ""}${set2.body}${extras}]`;
  }
  /** Applies a repetition operator (just read) to the last item, which it replaces. */
  repeat(min, max, afterRepeat) {
    let greedy = true;
    if (this.peek() === "?") {
      greedy = false;
      this.pos++;
    }
    const items = this.frame.items;
    const sub = items.pop();
    if (sub === void 0 || afterRepeat) this.fail("Nothing to repeat");
    const node2 = this.made({ kind: "repeat", sub, min, max, greedy: greedy !== this.flags.ungreedy });
    items.push(node2);
    this.afterRepeat = true;
    return node2;
  }
  group() {
    const rest = this.rest();
    const named2 = /^\(\?P?<([^>]*)>/.exec(rest);
    if (named2) {
      const name = named2[1];
      if (!/^[A-Za-z0-9_]+$/.test(name)) this.fail(`invalid named capture ${JSON.stringify(named2[0])}`);
      this.open(name);
      this.pos += named2[0].length;
      return;
    }
    if (/^\(\?P?<(?![=!])/.test(rest)) this.fail(`invalid named capture ${JSON.stringify(rest)}`);
    if (rest.startsWith("(?")) {
      this.flagGroup();
      return;
    }
    this.open(void 0);
    this.pos++;
  }
  /** Opens a capturing group. */
  open(name) {
    this.frames.push({ alternatives: [], items: [], capture: this.groupNames.length, outerFlags: this.flags });
    this.groupNames.push(name);
  }
  /**
   * `(?flags)` or `(?flags:`, read as Go's parser reads them: letters from `imsU`, and at most
   * one `-` that clears the letters after it (at least one). `(?)` sets nothing.
   */
  flagGroup() {
    let flags = this.flags;
    let clear = false;
    let sawFlag = false;
    let end = this.pos + 2;
    for (; end < this.src.length; end++) {
      const c = this.src[end];
      const name = FLAG_LETTERS[c];
      if (name !== void 0) {
        flags = { ...flags, [name]: !clear };
        sawFlag = true;
      } else if (c === "-" && !clear) {
        clear = true;
        sawFlag = false;
      } else if ((c === ":" || c === ")") && (!clear || sawFlag)) {
        this.pos = end + 1;
        if (c === ":") this.frames.push({ alternatives: [], items: [], capture: void 0, outerFlags: this.flags });
        this.flags = flags;
        return;
      } else {
        break;
      }
    }
    const stop = this.src.codePointAt(end);
    const shown = this.src.slice(this.pos, stop === void 0 ? end : end + (stop > 65535 ? 2 : 1));
    this.fail(`invalid or unsupported Perl syntax ${JSON.stringify(shown)}`);
  }
  /** After a backslash, outside a class. */
  escape() {
    if (this.pos >= this.src.length) this.fail("trailing backslash at end of expression");
    const c = this.peek();
    this.pos++;
    switch (c) {
      case "d":
      case "D":
      case "w":
      case "W":
      case "s":
      case "S":
      case "p":
      case "P":
        this.push(this.set(this.classSource(this.classEscape(c))));
        return;
      // Go's \b is ASCII whatever the flags.
      case "b":
        this.push({ kind: "assert", condition: WORD_BOUNDARY });
        return;
      case "B":
        this.push({ kind: "assert", condition: NO_WORD_BOUNDARY });
        return;
      case "A":
        this.push({ kind: "assert", condition: BEGIN_TEXT });
        return;
      case "z":
        this.push({ kind: "assert", condition: END_TEXT });
        return;
      case "Q": {
        const end = this.src.indexOf("\\E", this.pos);
        const text2 = this.src.slice(this.pos, end < 0 ? void 0 : end);
        this.pos = end < 0 ? this.src.length : end + 2;
        for (const ch of text2) this.push(this.char(ch.codePointAt(0)));
        return;
      }
    }
    this.push(this.char(this.escapedCharacter(c)));
  }
  /** `\d`, `\w`, `\s`, `\pL`, `\p{Greek}` and their negations, after the backslash. JS's `\d` and `\w` are ASCII, as Go's. */
  classEscape(c) {
    switch (c) {
      case "d":
      case "D":
        return { body: "\\d", negated: c === "D" };
      case "w":
      case "W":
        return { body: "\\w", negated: c === "W" };
      case "s":
      case "S":
        return { body: GO_SPACE, negated: c === "S" };
    }
    const m = /^(?:\{([^}]*)\}|([A-Za-z]))/.exec(this.rest());
    if (!m) this.fail(`invalid character class range \\${c}`);
    this.pos += m[0].length;
    return unicodeClass(m[1] ?? m[2], c === "P") ?? this.fail(`invalid character class range \\${c}${m[0]}`);
  }
  /** A single-character escape (`\n`, `\x41`, `\101`, `\.`), as Go's parseEscape reads it. */
  escapedCharacter(c) {
    if (c >= "0" && c <= "7") {
      if (c !== "0" && !/^[0-7]/.test(this.rest())) this.fail(`invalid escape sequence \\${c}`);
      let value = Number(c);
      for (let i = 0; i < 2 && /^[0-7]/.test(this.rest()); i++) value = value * 8 + Number(this.src[this.pos++]);
      return value;
    }
    if (c === "x") {
      const m = /^(?:\{([0-9A-Fa-f]+)\}|([0-9A-Fa-f]{2}))/.exec(this.rest());
      const value = m ? parseInt(m[1] ?? m[2], 16) : NaN;
      if (!m || value > 1114111) this.fail("invalid escape sequence \\x");
      this.pos += m[0].length;
      return value;
    }
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== void 0) return simple;
    const cp = c.codePointAt(0);
    if (cp < 128 && !isAsciiAlnum(c)) return cp;
    this.fail(`invalid escape sequence \\${c}`);
  }
  /** `[...]` as a JS class. Under `i` each item is folded (a negated item after folding), then the class negated, as Go does. */
  charClass() {
    const start = this.pos;
    this.pos++;
    const negated = this.peek() === "^";
    if (negated) this.pos++;
    let chars = "";
    let sets = "";
    let first = true;
    for (; ; ) {
      if (this.pos >= this.src.length) this.fail(`missing closing ] ${JSON.stringify(this.src.slice(start))}`);
      if (this.peek() === "]" && !first) break;
      first = false;
      const close = this.rest().startsWith("[:") ? this.rest().indexOf(":]", 2) : -1;
      if (close >= 0) {
        const named2 = this.rest().slice(0, close + 2);
        const m = /^\[:(\^?)([a-z]+):\]$/.exec(named2);
        const body = m ? POSIX_CLASSES[m[2]] : void 0;
        if (body === void 0) this.fail(`invalid character class range ${named2}`);
        sets += this.classSource({ body, negated: m[1] === "^" });
        this.pos += named2.length;
        continue;
      }
      if (this.peek() === "\\" && /^[dDwWsSpP]/.test(this.peek(1))) {
        this.pos += 2;
        sets += this.classSource(this.classEscape(this.src[this.pos - 1]));
        continue;
      }
      const lo = this.classCharacter();
      if (this.peek() === "-" && this.peek(1) !== "]" && this.pos + 1 < this.src.length) {
        this.pos++;
        const hi = this.classCharacter();
        if (hi < lo) this.fail(`invalid character class range ${JSON.stringify(this.src.slice(start, this.pos))}`);
        chars += `${literal(lo)}-${literal(hi)}`;
      } else {
        chars += literal(lo);
      }
    }
    this.pos++;
    const extras = this.flags.ignoreCase && chars !== "" ? foldedExtras(chars) : "";
    return `[${negated ? "^" : ""}${chars}${extras}${sets}]`;
  }
  classCharacter() {
    if (this.peek() !== "\\") return this.nextCodePoint();
    this.pos++;
    if (this.pos >= this.src.length) this.fail("trailing backslash at end of expression");
    const c = this.peek();
    this.pos++;
    return this.escapedCharacter(c);
  }
};
function parseGoRegexp(pattern) {
  return new Parser(pattern).parse();
}

// src/image/pike-vm.ts
var CHAR = 0;
var SET = 1;
var SPLIT = 2;
var SAVE = 3;
var ASSERT = 4;
var MATCH = 5;
function nullable(node2) {
  switch (node2.kind) {
    case "empty":
    case "assert":
      return true;
    case "char":
    case "set":
      return false;
    case "capture":
      return nullable(node2.sub);
    case "concat":
      return node2.subs.every(nullable);
    case "alternate":
      return node2.subs.some(nullable);
    case "repeat":
      return node2.min === 0 || nullable(node2.sub);
  }
}
var Compiler = class {
  op = [MATCH];
  out = [-1];
  arg = [0];
  sets = [];
  emit(op, out, arg) {
    this.op.push(op);
    this.out.push(out);
    this.arg.push(arg);
    return this.op.length - 1;
  }
  /** A SPLIT that prefers `first`. */
  choice(first, second) {
    return this.emit(SPLIT, first, second);
  }
  /** `x?`: a SPLIT to x's entry `body` or on to `next`, preferring x when greedy. */
  optional(body, next, greedy) {
    return greedy ? this.choice(body, next) : this.choice(next, body);
  }
  /** x, then a SPLIT back to x or on to `next`: returns the SPLIT and x's entry. */
  loop(sub, greedy, next) {
    const split2 = this.emit(SPLIT, -1, -1);
    const body = this.compile(sub, split2);
    this.out[split2] = greedy ? body : next;
    this.arg[split2] = greedy ? next : body;
    return { split: split2, body };
  }
  /** Code that matches `node`, then goes on at `next`; returns its entry. */
  compile(node2, next) {
    switch (node2.kind) {
      case "empty":
        return next;
      case "char":
        return this.emit(CHAR, next, node2.cp);
      case "set":
        return this.emit(SET, next, this.sets.push(node2.set) - 1);
      case "assert":
        return this.emit(ASSERT, next, node2.condition);
      case "capture": {
        const body = this.compile(node2.sub, this.emit(SAVE, next, 2 * node2.index + 1));
        return this.emit(SAVE, body, 2 * node2.index);
      }
      case "concat":
        return node2.subs.reduceRight((pc, sub) => this.compile(sub, pc), next);
      case "alternate": {
        const last = node2.subs.length - 1;
        return node2.subs.slice(0, last).reduceRight((pc, sub) => this.choice(this.compile(sub, next), pc), this.compile(node2.subs[last], next));
      }
      case "repeat":
        return this.repeat(node2, next);
    }
  }
  /** Go's expansion: `x*`; `x+`; `xxx+` for x{4,}; `xx(x(x(x)?)?)?` for x{2,5}. */
  repeat(node2, next) {
    const { sub, min, max, greedy } = node2;
    let pc = next;
    if (max === Infinity) {
      if (min > 0) pc = this.loop(sub, greedy, next).body;
      else if (nullable(sub)) pc = this.optional(this.loop(sub, greedy, next).body, next, greedy);
      else pc = this.loop(sub, greedy, next).split;
      for (let i = 1; i < min; i++) pc = this.compile(sub, pc);
      return pc;
    }
    for (let i = min; i < max; i++) pc = this.optional(this.compile(sub, pc), next, greedy);
    for (let i = 0; i < min; i++) pc = this.compile(sub, pc);
    return pc;
  }
};
var ThreadList = class {
  /** Each thread's instruction. */
  pcs;
  /** Each thread's capture slots, `slots` apiece (as many as the run asks for); grown on demand, as few threads live at once. */
  caps;
  count = 0;
  /** The generation in which each instruction was last reached, so clearing is O(1). */
  seen;
  generation = 1;
  constructor(instructions) {
    this.pcs = new Int32Array(instructions);
    this.caps = new Int32Array(16);
    this.seen = new Uint32Array(instructions);
  }
  clear() {
    this.count = 0;
    if (++this.generation === 4294967295) {
      this.seen.fill(0);
      this.generation = 1;
    }
  }
  /** Marks `pc` reached; false when it already was (a thread of higher priority got there first). */
  reach(pc) {
    if (this.seen[pc] === this.generation) return false;
    this.seen[pc] = this.generation;
    return true;
  }
};
function isWordChar(cp) {
  return cp >= 48 && cp <= 57 || cp >= 65 && cp <= 90 || cp >= 97 && cp <= 122 || cp === 95;
}
function context(before, after) {
  let bits = isWordChar(before) === isWordChar(after) ? NO_WORD_BOUNDARY : WORD_BOUNDARY;
  if (before < 0) bits |= BEGIN_TEXT | BEGIN_LINE;
  else if (before === 10) bits |= BEGIN_LINE;
  if (after < 0) bits |= END_TEXT | END_LINE;
  else if (after === 10) bits |= END_LINE;
  return bits;
}
var PikeVM = class {
  op;
  out;
  arg;
  sets;
  start;
  /** Every match starts at the beginning of the text (`^…` or `\A…`), so no thread starts later. */
  anchored;
  /** Capture slots: a start and an end per group, group 0 being the whole match. */
  slots;
  lists;
  /** Pending work while following SPLITs: pairs of (-1, instruction) or (slot, value to restore). */
  stack;
  /** The capture slots of the thread being followed. */
  scratch;
  /** The capture slots of the match found. */
  found;
  /** `groups`: the number of capture groups, counting group 0. */
  constructor(root, groups) {
    const compiler = new Compiler();
    this.start = compiler.compile(root, 0);
    this.op = Uint8Array.from(compiler.op);
    this.out = Int32Array.from(compiler.out);
    this.arg = Int32Array.from(compiler.arg);
    this.sets = compiler.sets;
    this.slots = 2 * groups;
    this.anchored = (this.startCondition() & BEGIN_TEXT) !== 0;
    const size = this.op.length;
    this.lists = [new ThreadList(size), new ThreadList(size)];
    this.stack = new Int32Array(2 * (size + 1));
    this.scratch = new Int32Array(this.slots);
    this.found = new Int32Array(this.slots);
  }
  /** The assertions every match must pass before its first character (Go's StartCond). */
  startCondition() {
    let bits = 0;
    for (let pc = this.start; ; pc = this.out[pc]) {
      if (this.op[pc] === ASSERT) bits |= this.arg[pc];
      else if (this.op[pc] !== SAVE) return bits;
    }
  }
  /** Go's MatchString: does the pattern match anywhere in `text`? */
  test(text2) {
    return this.run(text2, 0);
  }
  /** Go's FindStringSubmatch: the leftmost match and its groups (undefined where a group took no part), or null. */
  exec(text2) {
    const found = this.execIndices(text2);
    if (found === null) return null;
    const groups = [];
    for (let slot = 0; slot < found.length; slot += 2) {
      const start = found[slot];
      groups.push(start >= 0 ? text2.slice(start, found[slot + 1]) : void 0);
    }
    return groups;
  }
  /**
   * Go's FindStringSubmatchIndex, but in UTF-16 code units (Go's are UTF-8 bytes): each group's
   * start and end, -1 for both where it took no part; null when there is no match.
   */
  execIndices(text2) {
    return this.run(text2, this.slots) ? Array.from(this.found) : null;
  }
  /** Finds the leftmost-first match, keeping `slots` capture slots (0: only whether there is one). */
  run(text2, slots) {
    let [current, next] = this.lists;
    current.clear();
    let matched = false;
    let pos = 0;
    let before = -1;
    let cp = text2.length > 0 ? text2.codePointAt(0) : -1;
    for (; ; ) {
      if (current.count === 0 && (matched || this.anchored && pos > 0)) break;
      const width = cp > 65535 ? 2 : 1;
      const after = cp >= 0 && pos + width < text2.length ? text2.codePointAt(pos + width) : -1;
      if (!matched && (pos === 0 || !this.anchored)) {
        this.scratch.fill(-1);
        if (slots > 0) this.scratch[0] = pos;
        this.add(current, this.start, pos, context(before, cp), slots);
      }
      next.clear();
      const nextContext = context(cp, after);
      for (let i = 0; i < current.count; i++) {
        const pc = current.pcs[i];
        const op = this.op[pc];
        if (op === MATCH) {
          if (slots === 0) return true;
          for (let s = 0; s < slots; s++) this.found[s] = current.caps[i * slots + s];
          this.found[1] = pos;
          matched = true;
          break;
        }
        if (cp >= 0 && (op === CHAR ? this.arg[pc] === cp : this.sets[this.arg[pc]].has(cp))) {
          for (let s = 0; s < slots; s++) this.scratch[s] = current.caps[i * slots + s];
          this.add(next, this.out[pc], pos + width, nextContext, slots);
        }
      }
      if (cp < 0) break;
      pos += width;
      before = cp;
      cp = after;
      const done = current;
      current = next;
      next = done;
    }
    return matched;
  }
  /**
   * Adds to `list` the thread at `pc` with the capture slots in `scratch`, following SPLITs (first
   * branch first), SAVEs and ASSERTs to the instructions that consume or match. An instruction
   * already in `list` is not added again: the thread there has priority. Iterative, as a
   * program of a thousand copies (`x{1000}`) would be too deep to follow recursively.
   */
  add(list, pc0, pos, context2, slots) {
    const { op, out, arg, stack, scratch } = this;
    let sp = 0;
    stack[sp++] = -1;
    stack[sp++] = pc0;
    while (sp > 0) {
      const value = stack[--sp];
      const slot = stack[--sp];
      if (slot >= 0) {
        scratch[slot] = value;
        continue;
      }
      for (let pc = value; list.reach(pc); ) {
        const o = op[pc];
        if (o === SPLIT) {
          stack[sp++] = -1;
          stack[sp++] = arg[pc];
          pc = out[pc];
        } else if (o === SAVE) {
          const s = arg[pc];
          if (s < slots) {
            stack[sp++] = s;
            stack[sp++] = scratch[s];
            scratch[s] = pos;
          }
          pc = out[pc];
        } else if (o === ASSERT) {
          if ((arg[pc] & ~context2) !== 0) break;
          pc = out[pc];
        } else {
          const t = list.count++;
          list.pcs[t] = pc;
          if ((t + 1) * slots > list.caps.length) {
            const grown = new Int32Array(2 * (t + 1) * slots);
            grown.set(list.caps);
            list.caps = grown;
          }
          for (let s = 0; s < slots; s++) list.caps[t * slots + s] = scratch[s];
          break;
        }
      }
    }
  }
};

// src/image/go-regexp.ts
function compileGoRegexp(pattern) {
  const { root, groupNames } = parseGoRegexp(pattern);
  const vm = new PikeVM(root, groupNames.length);
  return { source: pattern, groupNames, test: (text2) => vm.test(text2), exec: (text2) => vm.exec(text2) };
}
function expandTemplate(re, template, match) {
  return templateParts(template).map((part) => {
    if (part.group === void 0) return part.text;
    const group = groupNumber(part.group);
    return (group !== void 0 ? match[group] : match.find((text2, i) => text2 !== void 0 && re.groupNames[i] === part.group)) ?? "";
  }).join("");
}
function unknownGroups(re, template) {
  return templateParts(template).filter((part) => {
    if (part.group === void 0) return false;
    const group = groupNumber(part.group);
    return group !== void 0 ? group >= re.groupNames.length : !re.groupNames.includes(part.group);
  }).map((part) => part.text);
}
function templateParts(template) {
  const parts = [];
  let rest = template;
  for (; ; ) {
    const dollar = rest.indexOf("$");
    if (dollar < 0) break;
    parts.push({ text: rest.slice(0, dollar) });
    rest = rest.slice(dollar + 1);
    if (rest.startsWith("$")) {
      parts.push({ text: "$" });
      rest = rest.slice(1);
      continue;
    }
    const ref = /^(?:\{([\p{L}\p{Nd}_]+)\}|([\p{L}\p{Nd}_]+))/u.exec(rest);
    if (!ref) {
      parts.push({ text: "$" });
      continue;
    }
    rest = rest.slice(ref[0].length);
    parts.push({ text: `$${ref[0]}`, group: ref[1] ?? ref[2] });
  }
  parts.push({ text: rest });
  return parts;
}
function groupNumber(name) {
  return /^(?:0|[1-9][0-9]{0,8})$/.test(name) ? Number(name) : void 0;
}

// src/json-value.ts
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/image/policy.ts
var PolicyError = class extends Error {
  constructor(issues, where2 = "policy") {
    super(issues.map((issue) => `${where2}: ${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}`).join("\n"));
    this.issues = issues;
    this.where = where2;
    this.name = "PolicyError";
  }
  issues;
  where;
};
var KINDS = ["semver", "alphabetical", "numerical"];
function quote(value) {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}
function typeName(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "a mapping" : `a ${typeof value} (${quote(value)})`;
}
var Reader = class {
  issues = [];
  issue(path, message) {
    this.issues.push({ path, message });
  }
  /** A mapping with only `allowed` keys (null reads as empty when `nullIsEmpty`), or undefined after an issue. */
  mapping(value, path, allowed, nullIsEmpty = false) {
    if (value === null && nullIsEmpty) return {};
    if (!isRecord(value)) {
      this.issue(path, `must be a mapping${allowed.length > 0 ? ` with ${allowed.join(", ")}` : ""}, not ${typeName(value)}`);
      return void 0;
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.issue([...path, key], `unknown key (expected ${allowed.join(", ")})`);
    }
    return value;
  }
  /** An optional string field; undefined when absent or after an issue. */
  string(record, key, path) {
    const value = record[key];
    if (value === void 0 || typeof value === "string") return value;
    this.issue([...path, key], `must be a string, not ${typeName(value)}${typeof value === "number" ? ` (quote it: "${String(value)}")` : ""}`);
    return void 0;
  }
  /** `order` as Flux reads it: upper-cased, empty means ascending. */
  order(record, path) {
    const order = this.string(record, "order", path) ?? "";
    switch (order.toUpperCase()) {
      case "":
      case "ASC":
        return "asc";
      case "DESC":
        return "desc";
    }
    this.issue([...path, "order"], `must be asc or desc, not ${quote(order)}`);
    return "asc";
  }
};
function compareBytes(a, b) {
  const x = Array.from(a, (ch) => ch.codePointAt(0));
  const y = Array.from(b, (ch) => ch.codePointAt(0));
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}
function parseGoFloat(text2) {
  if (/^[+-]?inf(inity)?$/i.test(text2)) return text2.startsWith("-") ? -Infinity : Infinity;
  if (!/^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(text2)) return void 0;
  const value = Number(text2);
  return Number.isFinite(value) ? value : void 0;
}
function semverRanking(r, spec) {
  const record = r.mapping(spec, ["semver"], ["range"]);
  if (!record) return void 0;
  if (record.range === void 0) {
    r.issue(["semver"], "range is required");
    return void 0;
  }
  const range = r.string(record, "range", ["semver"]);
  if (range === void 0) return void 0;
  try {
    const constraint = parseFluxRange(range);
    return {
      description: `semver ${range}`,
      pick(values) {
        let best;
        for (const value of values) {
          const version = parseFluxVersion(value);
          if (version && constraint.satisfiedBy(version) && (!best || compareFluxVersions(version, best) > 0)) best = version;
        }
        return best?.original;
      },
      compare(a, b) {
        const [x, y] = [parseFluxVersion(a), parseFluxVersion(b)];
        return x === void 0 || y === void 0 ? void 0 : compareFluxVersions(x, y);
      }
    };
  } catch (error) {
    if (!(error instanceof SemverRangeError)) throw error;
    r.issue(["semver", "range"], error.message);
    return void 0;
  }
}
function alphabeticalRanking(r, spec) {
  const record = r.mapping(spec, ["alphabetical"], ["order"], true);
  if (!record) return void 0;
  const order = r.order(record, ["alphabetical"]);
  const sign = order === "asc" ? 1 : -1;
  return {
    description: `alphabetical ${order}`,
    // asc picks the greatest string, desc the smallest (Flux sorts and takes the first).
    pick: (values) => values.reduce((best, value) => best === void 0 || sign * compareBytes(value, best) > 0 ? value : best, void 0),
    compare: (a, b) => sign * compareBytes(a, b)
  };
}
function numericalRanking(r, spec) {
  const record = r.mapping(spec, ["numerical"], ["order"], true);
  if (!record) return void 0;
  const order = r.order(record, ["numerical"]);
  return {
    description: `numerical ${order}`,
    pick(values) {
      let best;
      for (const value of values) {
        const number = parseGoFloat(value);
        if (number === void 0) continue;
        if (!best || (order === "asc" ? !(number < best.number) : !(number > best.number))) best = { value, number };
      }
      return best?.value;
    },
    compare(a, b) {
      const [x, y] = [parseGoFloat(a), parseGoFloat(b)];
      return x === void 0 || y === void 0 ? void 0 : Math.sign(order === "asc" ? x - y : y - x);
    }
  };
}
var RANKINGS = {
  semver: semverRanking,
  alphabetical: alphabeticalRanking,
  numerical: numericalRanking
};
function readFilter(r, spec) {
  if (spec === void 0 || spec === null) return void 0;
  const record = r.mapping(spec, ["filterTags"], ["pattern", "extract"]);
  if (!record) return void 0;
  const pattern = r.string(record, "pattern", ["filterTags"]) ?? "";
  const extract = r.string(record, "extract", ["filterTags"]) ?? "";
  try {
    return { pattern: compileGoRegexp(pattern), extract };
  } catch (error) {
    if (!(error instanceof GoRegexpError)) throw error;
    r.issue(["filterTags", "pattern"], error.message);
    return void 0;
  }
}
function candidates(filter, tags) {
  const byValue = /* @__PURE__ */ new Map();
  for (const tag of tags) {
    if (!filter) {
      byValue.set(tag, tag);
      continue;
    }
    const match = filter.pattern.exec(tag);
    if (match) byValue.set(filter.extract !== "" ? expandTemplate(filter.pattern, filter.extract, match) : tag, tag);
  }
  return byValue;
}
function asWritten(text2) {
  return `'${text2.replaceAll("'", "''")}'`;
}
function describeFilter(filter) {
  if (!filter) return "";
  return `, tags matching ${asWritten(filter.pattern.source)}${filter.extract !== "" ? ` (extract ${asWritten(filter.extract)})` : ""}`;
}
function parsePolicy(spec, where2, filterTags) {
  const r = new Reader();
  let ranking;
  let filter;
  const record = r.mapping(spec, [], [...KINDS, "filterTags"]);
  if (record) {
    const kinds = KINDS.filter((kind2) => record[kind2] !== void 0);
    if (kinds.length === 0) r.issue([], `needs one of ${KINDS.join(", ")}`);
    else if (kinds.length > 1) r.issue([kinds[1]], `only one of ${KINDS.join(", ")} may be set (${kinds.join(" and ")} are)`);
    const rankings = kinds.map((kind2) => RANKINGS[kind2](r, record[kind2]));
    if (rankings.length === 1) ranking = rankings[0];
    if (record.filterTags !== void 0 && filterTags !== void 0) r.issue(["filterTags"], "is given twice");
    filter = readFilter(r, record.filterTags ?? filterTags);
  }
  if (r.issues.length > 0 || !ranking) throw new PolicyError(r.issues, where2);
  const rank = ranking;
  return {
    description: rank.description + describeFilter(filter),
    latest(tags) {
      const byValue = candidates(filter, tags);
      const best = rank.pick([...byValue.keys()]);
      return best === void 0 ? void 0 : byValue.get(best);
    },
    compare(a, b) {
      const [x, y] = [valueOf(filter, a), valueOf(filter, b)];
      return x === void 0 || y === void 0 ? void 0 : rank.compare(x, y);
    }
  };
}
function valueOf(filter, tag) {
  return candidates(filter, [tag]).keys().next().value;
}

// src/field-name.ts
var byIndex = (field2, index2) => index2 === void 0 ? field2 : `${field2}[${index2}]`;
var byFlag = Object.assign((field2) => `--${field2}`, { shell: true });
function givenValue(name, field2, value) {
  return `${(name ?? byIndex)(field2, void 0, true)} ${value}`;
}

// src/image/digest-pin.ts
function shortDigest(digest) {
  const colon = digest.indexOf(":");
  return colon < 0 ? digest : digest.slice(0, colon + 13);
}
function unpinnedWarning(image, digest, oldTag) {
  const whose = oldTag === void 0 ? "" : ` (${oldTag}'s)`;
  const incoming = formatImageRef(image);
  return `drops the digest pin ${shortDigest(digest)}${whose}: ${incoming} has no digest; send ${incoming}@sha256:<digest> to keep digests pinned`;
}
function staleDigestWarning({ configured, tagKey, tag, digestKey, line, digest, name }, fieldName = byFlag) {
  const stale = `the digest beside it (${digestKey}, line ${line}) still pins the earlier build ${shortDigest(digest)}, so that build runs`;
  const set2 = fieldName("set");
  if (configured)
    return `${tagKey}: its configured override wrote ${tag}, but ${stale}; an override with part: tag sets only the tag: empty ${digestKey} so that the tag decides, or set it with ${set2}`;
  const give = name === void 0 ? "" : `, or give the image with ${givenValue(fieldName, "image", `${name}:${tag}@sha256:<digest>`)}`;
  return `${tagKey}: ${set2} wrote ${tag}, but ${stale}; set ${digestKey} too${give}`;
}

// src/image/update.ts
function versionOf(tag, digest) {
  return { ...tag && { tag }, ...digest && { digest } };
}
function keptByPolicy(update, current) {
  const { policy, image } = update;
  const { tag } = image;
  if (!policy || update.allowDowngrade || tag === void 0 || current.tag === void 0 || current.tag === tag) return void 0;
  if (policy.latest([current.tag, tag]) !== current.tag) return void 0;
  if (policy.latest([tag, current.tag]) === tag)
    return `keeps ${current.tag}: its policy (${policy.description}) ranks it equal to the incoming ${tag}, so the version as written stays (allow-downgrade sets it anyway)`;
  return `keeps ${current.tag}, which its policy (${policy.description}) ranks above the incoming ${tag} (allow-downgrade sets it anyway)`;
}
function downFromOutside(update, current) {
  const { policy, image } = update;
  const { tag } = image;
  if (!policy?.compare || update.allowDowngrade || tag === void 0 || current.tag === void 0 || current.tag === tag) return void 0;
  if (policy.latest([current.tag]) !== void 0 || !((policy.compare(current.tag, tag) ?? 0) > 0)) return void 0;
  return `goes down from ${current.tag} to ${tag}: ${current.tag} is outside its policy (${policy.description}), so the lower incoming ${tag} replaces it, as in Flux`;
}
function prefixChange(tag, current) {
  if (current.tag === void 0 || tag.startsWith("v") === current.tag.startsWith("v")) return void 0;
  if (parseFluxVersion(tag) === void 0 || parseFluxVersion(current.tag) === void 0) return void 0;
  const [prefixed, plain] = tag.startsWith("v") ? [tag, tag.slice(1)] : [`v${tag}`, tag];
  return `goes from ${current.tag} to ${tag}, which ${tag.startsWith("v") ? "adds" : "drops"} the "v" prefix: a registry holds ${prefixed} and ${plain} as two tags (semver policies read them as one version); check which of them CI pushed`;
}
function digestOnlyRefusal(image, policy) {
  return `is left as it is: ${formatImageRef(image)} has no tag for its policy (${policy.description}) to judge, and a digest alone may be any build; give repo:tag@digest`;
}
function policyRefusal(image, policy) {
  return `is left as it is: the incoming ${formatImageRef(image)} is outside its policy (${policy.description})`;
}
function pendingVersion(update, current) {
  const said = [];
  const next = nextVersion(update, current, (why, kind2) => said.push({ why, kind: kind2 }));
  return { next, say: (note) => said.forEach(({ why, kind: kind2 }) => note(why, kind2)) };
}
function nextVersion(update, current, note) {
  const { tag, digest } = update.image;
  if (tag === void 0) {
    if (digest === void 0 || digest === current.digest) return void 0;
    if (update.policy) {
      note?.(digestOnlyRefusal(update.image, update.policy));
      return void 0;
    }
    return { ...current, digest };
  }
  if (update.policy && update.policy.latest([tag]) === void 0) {
    note?.(policyRefusal(update.image, update.policy), "policy-refusal");
    return void 0;
  }
  const why = keptByPolicy(update, current);
  if (why) {
    note?.(why);
    return void 0;
  }
  const down = downFromOutside(update, current);
  if (down) note?.(down);
  if (current.tag === tag) {
    const nextDigest = digest ?? current.digest;
    return nextDigest === current.digest ? void 0 : { tag, ...nextDigest !== void 0 && { digest: nextDigest } };
  }
  const prefix = prefixChange(tag, current);
  if (prefix) note?.(prefix);
  if (digest === void 0 && current.digest !== void 0) note?.(unpinnedWarning(update.image, current.digest, current.tag));
  return { tag, ...digest !== void 0 && { digest } };
}
function byRepository(images) {
  const map2 = /* @__PURE__ */ new Map();
  for (const update of images) if (!map2.has(update.image.repository)) map2.set(update.image.repository, update);
  return map2;
}
function nextReference(update, ref, note) {
  const next = nextVersion(update, versionOf(ref.tag, ref.digest), note);
  return next && formatImageRef({ name: ref.name, ...next });
}
function nextImageText(update, name, current, note) {
  const ref = current === void 0 ? void 0 : tryParseImageRef(current);
  const own = ref?.repository === update.image.repository ? versionOf(ref.tag, ref.digest) : {};
  const next = nextVersion(update, own, note);
  return next && formatImageRef({ name, ...next });
}
function nextTagText(update, current, note) {
  if (current !== void 0 && current !== "" && !isTag(current)) {
    note?.(`holds ${JSON.stringify(current)}, which is not a tag; an override with part: tag writes only a tag, so it is left as it is`);
    return void 0;
  }
  const next = nextVersion(update, versionOf(current, void 0), note);
  return next?.tag === current ? void 0 : next?.tag;
}
function staleImageIn(text2, incoming, bare = false) {
  for (const [word] of text2.matchAll(/[\w.\-/:@]+/g)) {
    const name = word.replace(/[:@]+$/, "");
    const ref = tryParseImageRef(name);
    const update = ref && incoming.get(ref.repository);
    if (!ref || !update) continue;
    const versionFollows = bare || name !== word;
    if (ref.tag === void 0 && ref.digest === void 0 ? versionFollows : nextReference(update, ref) !== void 0) return ref;
  }
  return void 0;
}
function renamedWarning(repository, newName, fieldName = byFlag) {
  return `renames ${repository} to ${newName}, whose tag is left as it is (it is ${newName}'s, not ${repository}'s); if ${newName} mirrors these builds, set that tag with ${fieldName("set")} or a configured override`;
}
function bareRepositoryWarning(repository) {
  return `holds ${repository} with no tag or digest, so its version is set in another field; left as it is (mark the field holding its tag with a Flux ":tag" marker, or set that field with a configured override with part: tag)`;
}
function bareFieldWarning(field2, repository) {
  return { message: `${field2} ${bareRepositoryWarning(repository)}`, about: { field: field2, reason: "bare-repository", image: repository } };
}

// src/image/no-digest-field.ts
function noDigestFieldWarning(image, fix = "a digest field beside the tag would take it") {
  return image.tag === void 0 ? `has no digest field, so it cannot take ${formatImageRef(image)}, which has only a digest; left as it is (${fix})` : `has no digest field, so only the tag of ${formatImageRef(image)} is set there: its digest is not pinned (${fix})`;
}

// src/text/counted.ts
function counted(n, noun, plural = `${noun}s`) {
  return `${n} ${n === 1 ? noun : plural}`;
}

// src/text/and-list.ts
function andList(items) {
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : items.join("");
}
function cappedList(items, named2 = 10, { noun, sentence = false } = {}) {
  if (items.length <= named2) return sentence ? andList(items) : items.join(", ");
  const more = items.length - named2;
  return `${items.slice(0, named2).join(", ")} and ${noun === void 0 ? `${more} more` : counted(more, `more ${noun}`)}`;
}

// src/image/split-image.ts
var SPLIT_IMAGE_KEYS = /* @__PURE__ */ new Set(["repository", "name", "registry", "tag", "digest"]);
var IMAGE_KEY = "image";
function splitImage(field2) {
  const repository = field2("repository") ?? (field2(IMAGE_KEY) === void 0 ? field2("name") : void 0);
  return { repository, registry: field2("registry"), tag: field2("tag"), digest: field2("digest") };
}
function splitImageName(registry, repository) {
  return registry ? `${registry}/${repository}` : repository;
}
function isUnknownRegistry(registry) {
  return typeof registry === "object";
}
function pairName(registry, repository) {
  return isUnknownRegistry(registry) ? void 0 : splitImageName(registry, repository);
}
function digestBeside(key, field2) {
  if (key !== "tag") return void 0;
  const image = splitImage(field2);
  return image.repository === void 0 ? void 0 : image.digest;
}
function pinBeside(key, field2, text2, registryOf = text2) {
  if (key === "newTag") {
    const name = text2(field2("newName")) || text2(field2("name"));
    const digest2 = field2("digest");
    return name && digest2 !== void 0 ? { digest: digest2, name } : void 0;
  }
  const digest = digestBeside(key, field2);
  if (digest === void 0) return void 0;
  const { registry, repository } = splitImage(field2);
  return { digest, name: pairName(registryOf(registry), text2(repository) ?? "") };
}
function nextSplitImage(update, current) {
  const { tag, digest } = current;
  const pinned = digest === void 0 ? tagAndDigest(tag) : void 0;
  if (tag !== "" && pinned === void 0 && !isTag(tag)) {
    const { next: next2, say: say2 } = pendingVersion(update, {});
    return { next: void 0, say: (atTag) => next2 ? atTag(notTagWarning(tag)) : say2(atTag) };
  }
  const { next, say } = pendingVersion(update, pinned ?? versionOf(tag, digest));
  if (!next) return { next, say };
  const tagText2 = pinned && next.tag !== void 0 && next.digest !== void 0 ? `${next.tag}@${next.digest}` : next.tag;
  const unpinned = digest === void 0 && pinned === void 0 && next.digest !== void 0;
  return {
    next: { tag: tagText2, digest: digest === void 0 ? void 0 : next.digest ?? "" },
    say: (atTag, atPair) => {
      say(atTag);
      if (unpinned) atPair(noDigestFieldWarning(update.image));
    }
  };
}
function unknownRegistryImages(repository, incoming, current) {
  const alone = normalizeRepository(repository);
  return [...incoming].flatMap((update) => {
    const { repository: named2 } = update.image;
    return (named2 === alone || named2.endsWith(`/${repository}`)) && nextSplitImage(update, current).next !== void 0 ? [named2] : [];
  });
}
function unknownRegistryWarning(registry, repository, tagKey, images, setIt = `set ${tagKey} with a Flux ":tag" marker on its line or an override of ${tagKey}`) {
  const { field: field2, line, written, why } = registry;
  const shown = written.replace(/\s+/g, " ");
  return `${field2} (line ${line}) is ${shown.length > 60 ? `${shown.slice(0, 59)}\u2026` : shown}, ${why}: the registry ${repository} is pulled from is not known, so ${tagKey} is not edited for ${andList(images)}; write the registry as a string, or ${setIt}`;
}
function tagAndDigest(text2) {
  const at = text2.indexOf("@");
  const [tag, digest] = [text2.slice(0, at), text2.slice(at + 1)];
  return at > 0 && isTag(tag) && isDigest(digest) ? { tag, digest } : void 0;
}
function notTagWarning(text2) {
  return `holds ${JSON.stringify(text2)}, which is not a tag; left as it is (the tag field of an image held as repository and tag holds only its tag, or tag@digest)`;
}

// src/text/partition-point.ts
function partitionPoint(length2, before) {
  let lo = 0;
  let hi = length2;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// src/create-hint.ts
function createHint(what, name) {
  const create = name ? name("create", void 0, true) : "--create, or create: true in the Action or the library";
  return `(to add ${what}, use ${create})`;
}

// src/image/marker-misfit.ts
var TAG_KEYS = /* @__PURE__ */ new Set(["tag", "newTag"]);
var PART_KEYS = {
  tag: TAG_KEYS,
  name: /* @__PURE__ */ new Set(["repository", "name", "newName"]),
  digest: /* @__PURE__ */ new Set(["digest"])
};
var PARTS = Object.keys(PART_KEYS);
var READ_AS = {
  tag: (value) => `name:${value}`,
  name: (value) => `${value}:tag`,
  digest: (value) => `name@${value}`
};
function misfitWarning(marker, field2, key, old) {
  const marks = `Flux setter "${marker.setter}" marks ${field2}`;
  const written = (value) => `${value || '""'} is written there, as Flux writes a marked field`;
  const named2 = key === void 0 ? void 0 : PARTS.find((part) => PART_KEYS[part].has(key));
  if (marker.field === "ref") {
    if (named2 === void 0) return void 0;
    return (value) => `${marks}, a ${named2} field, with the whole reference: ${written(value)}, and kustomize or the chart reads it as a ${named2} (${READ_AS[named2](value)}); mark it {"$imagepolicy": "${marker.key}:${named2}"} to set the ${named2} alone`;
  }
  if (named2 === marker.field) return void 0;
  if (named2 !== void 0)
    return (value) => `${marks}, a ${named2} field, with the ${marker.field} alone: ${written(value)}, and what reads the field reads it as a ${named2}; mark it {"$imagepolicy": "${marker.key}:${named2}"} to set the ${named2}`;
  if (!holdsWholeReference(marker.field, old)) return void 0;
  return (value) => `${marks}, which holds a whole reference (${old}), with its ${marker.field} alone: ${written(value)}, and the field then holds only that; mark it {"$imagepolicy": "${marker.key}"} to set the whole reference`;
}
function holdsWholeReference(field2, text2) {
  const ref = spelledAsDigest(text2) ? void 0 : tryParseImageRef(text2);
  if (!ref) return false;
  switch (field2) {
    case "tag":
      return !isTag(text2);
    case "digest":
      return !isDigest(text2);
    case "name":
      return ref.tag !== void 0 || ref.digest !== void 0;
  }
}
function registryJoinWarning(marker, field2, registry, value) {
  if (marker.field !== "name" || registry.text === "" || writtenRegistry(value) === void 0) return void 0;
  return oneLine(
    `Flux setter "${marker.setter}" marks ${field2}, beside the registry field ${registry.field} (${registry.text}): ${value}, the name with its registry, is written there, as Flux writes a marked field, and a chart that joins the registry to the repository reads ${registry.text}/${value}; leave the repository unmarked, written without its registry, and mark the tag alone {"$imagepolicy": "${marker.key}:tag"}`
  );
}

// node_modules/yaml/browser/dist/nodes/identity.js
var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
var isAlias = (node2) => !!node2 && typeof node2 === "object" && node2[NODE_TYPE] === ALIAS;
var isDocument = (node2) => !!node2 && typeof node2 === "object" && node2[NODE_TYPE] === DOC;
var isMap = (node2) => !!node2 && typeof node2 === "object" && node2[NODE_TYPE] === MAP;
var isPair = (node2) => !!node2 && typeof node2 === "object" && node2[NODE_TYPE] === PAIR;
var isScalar = (node2) => !!node2 && typeof node2 === "object" && node2[NODE_TYPE] === SCALAR;
var isSeq = (node2) => !!node2 && typeof node2 === "object" && node2[NODE_TYPE] === SEQ;
function isCollection(node2) {
  if (node2 && typeof node2 === "object")
    switch (node2[NODE_TYPE]) {
      case MAP:
      case SEQ:
        return true;
    }
  return false;
}
function isNode(node2) {
  if (node2 && typeof node2 === "object")
    switch (node2[NODE_TYPE]) {
      case ALIAS:
      case MAP:
      case SCALAR:
      case SEQ:
        return true;
    }
  return false;
}
var hasAnchor = (node2) => (isScalar(node2) || isCollection(node2)) && !!node2.anchor;

// node_modules/yaml/browser/dist/visit.js
var BREAK = /* @__PURE__ */ Symbol("break visit");
var SKIP = /* @__PURE__ */ Symbol("skip children");
var REMOVE = /* @__PURE__ */ Symbol("remove node");
function visit(node2, visitor) {
  const visitor_ = initVisitor(visitor);
  if (isDocument(node2)) {
    const cd = visit_(null, node2.contents, visitor_, Object.freeze([node2]));
    if (cd === REMOVE)
      node2.contents = null;
  } else
    visit_(null, node2, visitor_, Object.freeze([]));
}
visit.BREAK = BREAK;
visit.SKIP = SKIP;
visit.REMOVE = REMOVE;
function visit_(key, node2, visitor, path) {
  const ctrl = callVisitor(key, node2, visitor, path);
  if (isNode(ctrl) || isPair(ctrl)) {
    replaceNode(key, path, ctrl);
    return visit_(key, ctrl, visitor, path);
  }
  if (typeof ctrl !== "symbol") {
    if (isCollection(node2)) {
      path = Object.freeze(path.concat(node2));
      for (let i = 0; i < node2.items.length; ++i) {
        const ci = visit_(i, node2.items[i], visitor, path);
        if (typeof ci === "number")
          i = ci - 1;
        else if (ci === BREAK)
          return BREAK;
        else if (ci === REMOVE) {
          node2.items.splice(i, 1);
          i -= 1;
        }
      }
    } else if (isPair(node2)) {
      path = Object.freeze(path.concat(node2));
      const ck = visit_("key", node2.key, visitor, path);
      if (ck === BREAK)
        return BREAK;
      else if (ck === REMOVE)
        node2.key = null;
      const cv = visit_("value", node2.value, visitor, path);
      if (cv === BREAK)
        return BREAK;
      else if (cv === REMOVE)
        node2.value = null;
    }
  }
  return ctrl;
}
async function visitAsync(node2, visitor) {
  const visitor_ = initVisitor(visitor);
  if (isDocument(node2)) {
    const cd = await visitAsync_(null, node2.contents, visitor_, Object.freeze([node2]));
    if (cd === REMOVE)
      node2.contents = null;
  } else
    await visitAsync_(null, node2, visitor_, Object.freeze([]));
}
visitAsync.BREAK = BREAK;
visitAsync.SKIP = SKIP;
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node2, visitor, path) {
  const ctrl = await callVisitor(key, node2, visitor, path);
  if (isNode(ctrl) || isPair(ctrl)) {
    replaceNode(key, path, ctrl);
    return visitAsync_(key, ctrl, visitor, path);
  }
  if (typeof ctrl !== "symbol") {
    if (isCollection(node2)) {
      path = Object.freeze(path.concat(node2));
      for (let i = 0; i < node2.items.length; ++i) {
        const ci = await visitAsync_(i, node2.items[i], visitor, path);
        if (typeof ci === "number")
          i = ci - 1;
        else if (ci === BREAK)
          return BREAK;
        else if (ci === REMOVE) {
          node2.items.splice(i, 1);
          i -= 1;
        }
      }
    } else if (isPair(node2)) {
      path = Object.freeze(path.concat(node2));
      const ck = await visitAsync_("key", node2.key, visitor, path);
      if (ck === BREAK)
        return BREAK;
      else if (ck === REMOVE)
        node2.key = null;
      const cv = await visitAsync_("value", node2.value, visitor, path);
      if (cv === BREAK)
        return BREAK;
      else if (cv === REMOVE)
        node2.value = null;
    }
  }
  return ctrl;
}
function initVisitor(visitor) {
  if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
    return Object.assign({
      Alias: visitor.Node,
      Map: visitor.Node,
      Scalar: visitor.Node,
      Seq: visitor.Node
    }, visitor.Value && {
      Map: visitor.Value,
      Scalar: visitor.Value,
      Seq: visitor.Value
    }, visitor.Collection && {
      Map: visitor.Collection,
      Seq: visitor.Collection
    }, visitor);
  }
  return visitor;
}
function callVisitor(key, node2, visitor, path) {
  if (typeof visitor === "function")
    return visitor(key, node2, path);
  if (isMap(node2))
    return visitor.Map?.(key, node2, path);
  if (isSeq(node2))
    return visitor.Seq?.(key, node2, path);
  if (isPair(node2))
    return visitor.Pair?.(key, node2, path);
  if (isScalar(node2))
    return visitor.Scalar?.(key, node2, path);
  if (isAlias(node2))
    return visitor.Alias?.(key, node2, path);
  return void 0;
}
function replaceNode(key, path, node2) {
  const parent = path[path.length - 1];
  if (isCollection(parent)) {
    parent.items[key] = node2;
  } else if (isPair(parent)) {
    if (key === "key")
      parent.key = node2;
    else
      parent.value = node2;
  } else if (isDocument(parent)) {
    parent.contents = node2;
  } else {
    const pt = isAlias(parent) ? "alias" : "scalar";
    throw new Error(`Cannot replace node with ${pt} parent`);
  }
}

// node_modules/yaml/browser/dist/doc/directives.js
var escapeChars = {
  "!": "%21",
  ",": "%2C",
  "[": "%5B",
  "]": "%5D",
  "{": "%7B",
  "}": "%7D"
};
var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
var Directives = class _Directives {
  constructor(yaml, tags) {
    this.docStart = null;
    this.docEnd = false;
    this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
    this.tags = Object.assign({}, _Directives.defaultTags, tags);
  }
  clone() {
    const copy = new _Directives(this.yaml, this.tags);
    copy.docStart = this.docStart;
    return copy;
  }
  /**
   * During parsing, get a Directives instance for the current document and
   * update the stream state according to the current version's spec.
   */
  atDocument() {
    const res = new _Directives(this.yaml, this.tags);
    switch (this.yaml.version) {
      case "1.1":
        this.atNextDocument = true;
        break;
      case "1.2":
        this.atNextDocument = false;
        this.yaml = {
          explicit: _Directives.defaultYaml.explicit,
          version: "1.2"
        };
        this.tags = Object.assign({}, _Directives.defaultTags);
        break;
    }
    return res;
  }
  /**
   * @param onError - May be called even if the action was successful
   * @returns `true` on success
   */
  add(line, onError) {
    if (this.atNextDocument) {
      this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
      this.tags = Object.assign({}, _Directives.defaultTags);
      this.atNextDocument = false;
    }
    const parts = line.trim().split(/[ \t]+/);
    const name = parts.shift();
    switch (name) {
      case "%TAG": {
        if (parts.length !== 2) {
          onError(0, "%TAG directive should contain exactly two parts");
          if (parts.length < 2)
            return false;
        }
        const [handle, prefix] = parts;
        this.tags[handle] = prefix;
        return true;
      }
      case "%YAML": {
        this.yaml.explicit = true;
        if (parts.length !== 1) {
          onError(0, "%YAML directive should contain exactly one part");
          return false;
        }
        const [version] = parts;
        if (version === "1.1" || version === "1.2") {
          this.yaml.version = version;
          return true;
        } else {
          const isValid = /^\d+\.\d+$/.test(version);
          onError(6, `Unsupported YAML version ${version}`, isValid);
          return false;
        }
      }
      default:
        onError(0, `Unknown directive ${name}`, true);
        return false;
    }
  }
  /**
   * Resolves a tag, matching handles to those defined in %TAG directives.
   *
   * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
   *   `'!local'` tag, or `null` if unresolvable.
   */
  tagName(source, onError) {
    if (source === "!")
      return "!";
    if (source[0] !== "!") {
      onError(`Not a valid tag: ${source}`);
      return null;
    }
    if (source[1] === "<") {
      const verbatim = source.slice(2, -1);
      if (verbatim === "!" || verbatim === "!!") {
        onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
        return null;
      }
      if (source[source.length - 1] !== ">")
        onError("Verbatim tags must end with a >");
      return verbatim;
    }
    const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
    if (!suffix)
      onError(`The ${source} tag has no suffix`);
    const prefix = this.tags[handle];
    if (prefix) {
      try {
        return prefix + decodeURIComponent(suffix);
      } catch (error) {
        onError(String(error));
        return null;
      }
    }
    if (handle === "!")
      return source;
    onError(`Could not resolve tag: ${source}`);
    return null;
  }
  /**
   * Given a fully resolved tag, returns its printable string form,
   * taking into account current tag prefixes and defaults.
   */
  tagString(tag) {
    for (const [handle, prefix] of Object.entries(this.tags)) {
      if (tag.startsWith(prefix))
        return handle + escapeTagName(tag.substring(prefix.length));
    }
    return tag[0] === "!" ? tag : `!<${tag}>`;
  }
  toString(doc) {
    const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
    const tagEntries = Object.entries(this.tags);
    let tagNames;
    if (doc && tagEntries.length > 0 && isNode(doc.contents)) {
      const tags = {};
      visit(doc.contents, (_key, node2) => {
        if (isNode(node2) && node2.tag)
          tags[node2.tag] = true;
      });
      tagNames = Object.keys(tags);
    } else
      tagNames = [];
    for (const [handle, prefix] of tagEntries) {
      if (handle === "!!" && prefix === "tag:yaml.org,2002:")
        continue;
      if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
        lines.push(`%TAG ${handle} ${prefix}`);
    }
    return lines.join("\n");
  }
};
Directives.defaultYaml = { explicit: false, version: "1.2" };
Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };

// node_modules/yaml/browser/dist/doc/anchors.js
function anchorIsValid(anchor) {
  if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
    const sa = JSON.stringify(anchor);
    const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
    throw new Error(msg);
  }
  return true;
}
function anchorNames(root) {
  const anchors = /* @__PURE__ */ new Set();
  visit(root, {
    Value(_key, node2) {
      if (node2.anchor)
        anchors.add(node2.anchor);
    }
  });
  return anchors;
}
function findNewAnchor(prefix, exclude) {
  for (let i = 1; true; ++i) {
    const name = `${prefix}${i}`;
    if (!exclude.has(name))
      return name;
  }
}
function createNodeAnchors(doc, prefix) {
  const aliasObjects = [];
  const sourceObjects = /* @__PURE__ */ new Map();
  let prevAnchors = null;
  return {
    onAnchor: (source) => {
      aliasObjects.push(source);
      prevAnchors ?? (prevAnchors = anchorNames(doc));
      const anchor = findNewAnchor(prefix, prevAnchors);
      prevAnchors.add(anchor);
      return anchor;
    },
    /**
     * With circular references, the source node is only resolved after all
     * of its child nodes are. This is why anchors are set only after all of
     * the nodes have been created.
     */
    setAnchors: () => {
      for (const source of aliasObjects) {
        const ref = sourceObjects.get(source);
        if (typeof ref === "object" && ref.anchor && (isScalar(ref.node) || isCollection(ref.node))) {
          ref.node.anchor = ref.anchor;
        } else {
          const error = new Error("Failed to resolve repeated object (this should not happen)");
          error.source = source;
          throw error;
        }
      }
    },
    sourceObjects
  };
}

// node_modules/yaml/browser/dist/doc/applyReviver.js
function applyReviver(reviver, obj, key, val) {
  if (val && typeof val === "object") {
    if (Array.isArray(val)) {
      for (let i = 0, len = val.length; i < len; ++i) {
        const v0 = val[i];
        const v1 = applyReviver(reviver, val, String(i), v0);
        if (v1 === void 0)
          delete val[i];
        else if (v1 !== v0)
          val[i] = v1;
      }
    } else if (val instanceof Map) {
      for (const k of Array.from(val.keys())) {
        const v0 = val.get(k);
        const v1 = applyReviver(reviver, val, k, v0);
        if (v1 === void 0)
          val.delete(k);
        else if (v1 !== v0)
          val.set(k, v1);
      }
    } else if (val instanceof Set) {
      for (const v0 of Array.from(val)) {
        const v1 = applyReviver(reviver, val, v0, v0);
        if (v1 === void 0)
          val.delete(v0);
        else if (v1 !== v0) {
          val.delete(v0);
          val.add(v1);
        }
      }
    } else {
      for (const [k, v0] of Object.entries(val)) {
        const v1 = applyReviver(reviver, val, k, v0);
        if (v1 === void 0)
          delete val[k];
        else if (v1 !== v0)
          val[k] = v1;
      }
    }
  }
  return reviver.call(obj, key, val);
}

// node_modules/yaml/browser/dist/nodes/toJS.js
function toJS(value, arg, ctx) {
  if (Array.isArray(value))
    return value.map((v, i) => toJS(v, String(i), ctx));
  if (value && typeof value.toJSON === "function") {
    if (!ctx || !hasAnchor(value))
      return value.toJSON(arg, ctx);
    const data = { aliasCount: 0, count: 1, res: void 0 };
    ctx.anchors.set(value, data);
    ctx.onCreate = (res2) => {
      data.res = res2;
      delete ctx.onCreate;
    };
    const res = value.toJSON(arg, ctx);
    if (ctx.onCreate)
      ctx.onCreate(res);
    return res;
  }
  if (typeof value === "bigint" && !ctx?.keep)
    return Number(value);
  return value;
}

// node_modules/yaml/browser/dist/nodes/Node.js
var NodeBase = class {
  constructor(type) {
    Object.defineProperty(this, NODE_TYPE, { value: type });
  }
  /** Create a copy of this node.  */
  clone() {
    const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
    if (this.range)
      copy.range = this.range.slice();
    return copy;
  }
  /** A plain JavaScript representation of this node. */
  toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
    if (!isDocument(doc))
      throw new TypeError("A document argument is required");
    const ctx = {
      anchors: /* @__PURE__ */ new Map(),
      doc,
      keep: true,
      mapAsMap: mapAsMap === true,
      mapKeyWarned: false,
      maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
    };
    const res = toJS(this, "", ctx);
    if (typeof onAnchor === "function")
      for (const { count, res: res2 } of ctx.anchors.values())
        onAnchor(res2, count);
    return typeof reviver === "function" ? applyReviver(reviver, { "": res }, "", res) : res;
  }
};

// node_modules/yaml/browser/dist/nodes/Alias.js
var Alias = class extends NodeBase {
  constructor(source) {
    super(ALIAS);
    this.source = source;
    Object.defineProperty(this, "tag", {
      set() {
        throw new Error("Alias nodes cannot have tags");
      }
    });
  }
  /**
   * Resolve the value of this alias within `doc`, finding the last
   * instance of the `source` anchor before this node.
   */
  resolve(doc, ctx) {
    if (ctx?.maxAliasCount === 0)
      throw new ReferenceError("Alias resolution is disabled");
    let nodes;
    if (ctx?.aliasResolveCache) {
      nodes = ctx.aliasResolveCache;
    } else {
      nodes = [];
      visit(doc, {
        Node: (_key, node2) => {
          if (isAlias(node2) || hasAnchor(node2))
            nodes.push(node2);
        }
      });
      if (ctx)
        ctx.aliasResolveCache = nodes;
    }
    let found = void 0;
    for (const node2 of nodes) {
      if (node2 === this)
        break;
      if (node2.anchor === this.source)
        found = node2;
    }
    if (found && ctx) {
      const { anchors, doc: doc2, maxAliasCount } = ctx;
      let data = anchors.get(found);
      if (!data) {
        toJS(found, null, ctx);
        data = anchors.get(found);
      }
      if (data?.res === void 0) {
        const msg = "This should not happen: Alias anchor was not resolved?";
        throw new ReferenceError(msg);
      }
      if (maxAliasCount >= 0) {
        data.count += 1;
        if (data.aliasCount === 0)
          data.aliasCount = getAliasCount(doc2, found, anchors);
        if (data.count * data.aliasCount > maxAliasCount) {
          const msg = "Excessive alias count indicates a resource exhaustion attack";
          throw new ReferenceError(msg);
        }
      }
    }
    return found;
  }
  toJSON(_arg, ctx) {
    if (!ctx)
      return { source: this.source };
    const source = this.resolve(ctx.doc, ctx);
    if (!source) {
      const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
      throw new ReferenceError(msg);
    }
    return ctx.anchors.get(source).res;
  }
  toString(ctx, _onComment, _onChompKeep) {
    const src = `*${this.source}`;
    if (ctx) {
      anchorIsValid(this.source);
      if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
        const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
        throw new Error(msg);
      }
      if (ctx.implicitKey)
        return `${src} `;
    }
    return src;
  }
};
function getAliasCount(doc, node2, anchors) {
  if (isAlias(node2)) {
    const source = node2.resolve(doc);
    const anchor = anchors && source && anchors.get(source);
    return anchor ? anchor.count * anchor.aliasCount : 0;
  } else if (isCollection(node2)) {
    let count = 0;
    for (const item of node2.items) {
      const c = getAliasCount(doc, item, anchors);
      if (c > count)
        count = c;
    }
    return count;
  } else if (isPair(node2)) {
    const kc = getAliasCount(doc, node2.key, anchors);
    const vc = getAliasCount(doc, node2.value, anchors);
    return Math.max(kc, vc);
  }
  return 1;
}

// node_modules/yaml/browser/dist/nodes/Scalar.js
var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
var Scalar = class extends NodeBase {
  constructor(value) {
    super(SCALAR);
    this.value = value;
  }
  toJSON(arg, ctx) {
    return ctx?.keep ? this.value : toJS(this.value, arg, ctx);
  }
  toString() {
    return String(this.value);
  }
};
Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
Scalar.PLAIN = "PLAIN";
Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";

// node_modules/yaml/browser/dist/doc/createNode.js
var defaultTagPrefix = "tag:yaml.org,2002:";
function findTagObject(value, tagName, tags) {
  if (tagName) {
    const match = tags.filter((t) => t.tag === tagName);
    const tagObj = match.find((t) => !t.format) ?? match[0];
    if (!tagObj)
      throw new Error(`Tag ${tagName} not found`);
    return tagObj;
  }
  return tags.find((t) => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
  if (isDocument(value))
    value = value.contents;
  if (isNode(value))
    return value;
  if (isPair(value)) {
    const map2 = ctx.schema[MAP].createNode?.(ctx.schema, null, ctx);
    map2.items.push(value);
    return map2;
  }
  if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
    value = value.valueOf();
  }
  const { aliasDuplicateObjects, onAnchor, onTagObj, schema: schema4, sourceObjects } = ctx;
  let ref = void 0;
  if (aliasDuplicateObjects && value && typeof value === "object") {
    ref = sourceObjects.get(value);
    if (ref) {
      ref.anchor ?? (ref.anchor = onAnchor(value));
      return new Alias(ref.anchor);
    } else {
      ref = { anchor: null, node: null };
      sourceObjects.set(value, ref);
    }
  }
  if (tagName?.startsWith("!!"))
    tagName = defaultTagPrefix + tagName.slice(2);
  let tagObj = findTagObject(value, tagName, schema4.tags);
  if (!tagObj) {
    if (value && typeof value.toJSON === "function") {
      value = value.toJSON();
    }
    if (!value || typeof value !== "object") {
      const node3 = new Scalar(value);
      if (ref)
        ref.node = node3;
      return node3;
    }
    tagObj = value instanceof Map ? schema4[MAP] : Symbol.iterator in Object(value) ? schema4[SEQ] : schema4[MAP];
  }
  if (onTagObj) {
    onTagObj(tagObj);
    delete ctx.onTagObj;
  }
  const node2 = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar(value);
  if (tagName)
    node2.tag = tagName;
  else if (!tagObj.default)
    node2.tag = tagObj.tag;
  if (ref)
    ref.node = node2;
  return node2;
}

// node_modules/yaml/browser/dist/nodes/Collection.js
function collectionFromPath(schema4, path, value) {
  let v = value;
  for (let i = path.length - 1; i >= 0; --i) {
    const k = path[i];
    if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
      const a = [];
      a[k] = v;
      v = a;
    } else {
      v = /* @__PURE__ */ new Map([[k, v]]);
    }
  }
  return createNode(v, void 0, {
    aliasDuplicateObjects: false,
    keepUndefined: false,
    onAnchor: () => {
      throw new Error("This should not happen, please report a bug.");
    },
    schema: schema4,
    sourceObjects: /* @__PURE__ */ new Map()
  });
}
var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
var Collection = class extends NodeBase {
  constructor(type, schema4) {
    super(type);
    Object.defineProperty(this, "schema", {
      value: schema4,
      configurable: true,
      enumerable: false,
      writable: true
    });
  }
  /**
   * Create a copy of this collection.
   *
   * @param schema - If defined, overwrites the original's schema
   */
  clone(schema4) {
    const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
    if (schema4)
      copy.schema = schema4;
    copy.items = copy.items.map((it) => isNode(it) || isPair(it) ? it.clone(schema4) : it);
    if (this.range)
      copy.range = this.range.slice();
    return copy;
  }
  /**
   * Adds a value to the collection. For `!!map` and `!!omap` the value must
   * be a Pair instance or a `{ key, value }` object, which may not have a key
   * that already exists in the map.
   */
  addIn(path, value) {
    if (isEmptyPath(path))
      this.add(value);
    else {
      const [key, ...rest] = path;
      const node2 = this.get(key, true);
      if (isCollection(node2))
        node2.addIn(rest, value);
      else if (node2 === void 0 && this.schema)
        this.set(key, collectionFromPath(this.schema, rest, value));
      else
        throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
  }
  /**
   * Removes a value from the collection.
   * @returns `true` if the item was found and removed.
   */
  deleteIn(path) {
    const [key, ...rest] = path;
    if (rest.length === 0)
      return this.delete(key);
    const node2 = this.get(key, true);
    if (isCollection(node2))
      return node2.deleteIn(rest);
    else
      throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
  }
  /**
   * Returns item at `key`, or `undefined` if not found. By default unwraps
   * scalar values from their surrounding node; to disable set `keepScalar` to
   * `true` (collections are always returned intact).
   */
  getIn(path, keepScalar) {
    const [key, ...rest] = path;
    const node2 = this.get(key, true);
    if (rest.length === 0)
      return !keepScalar && isScalar(node2) ? node2.value : node2;
    else
      return isCollection(node2) ? node2.getIn(rest, keepScalar) : void 0;
  }
  hasAllNullValues(allowScalar) {
    return this.items.every((node2) => {
      if (!isPair(node2))
        return false;
      const n = node2.value;
      return n == null || allowScalar && isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
    });
  }
  /**
   * Checks if the collection includes a value with the key `key`.
   */
  hasIn(path) {
    const [key, ...rest] = path;
    if (rest.length === 0)
      return this.has(key);
    const node2 = this.get(key, true);
    return isCollection(node2) ? node2.hasIn(rest) : false;
  }
  /**
   * Sets a value in this collection. For `!!set`, `value` needs to be a
   * boolean to add/remove the item from the set.
   */
  setIn(path, value) {
    const [key, ...rest] = path;
    if (rest.length === 0) {
      this.set(key, value);
    } else {
      const node2 = this.get(key, true);
      if (isCollection(node2))
        node2.setIn(rest, value);
      else if (node2 === void 0 && this.schema)
        this.set(key, collectionFromPath(this.schema, rest, value));
      else
        throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
  }
};

// node_modules/yaml/browser/dist/stringify/stringifyComment.js
var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
function indentComment(comment, indent) {
  if (/^\n+$/.test(comment))
    return comment.substring(1);
  return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;

// node_modules/yaml/browser/dist/stringify/foldFlowLines.js
var FOLD_FLOW = "flow";
var FOLD_BLOCK = "block";
var FOLD_QUOTED = "quoted";
function foldFlowLines(text2, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
  if (!lineWidth || lineWidth < 0)
    return text2;
  if (lineWidth < minContentWidth)
    minContentWidth = 0;
  const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
  if (text2.length <= endStep)
    return text2;
  const folds = [];
  const escapedFolds = {};
  let end = lineWidth - indent.length;
  if (typeof indentAtStart === "number") {
    if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
      folds.push(0);
    else
      end = lineWidth - indentAtStart;
  }
  let split2 = void 0;
  let prev = void 0;
  let overflow = false;
  let i = -1;
  let escStart = -1;
  let escEnd = -1;
  if (mode === FOLD_BLOCK) {
    i = consumeMoreIndentedLines(text2, i, indent.length);
    if (i !== -1)
      end = i + endStep;
  }
  for (let ch; ch = text2[i += 1]; ) {
    if (mode === FOLD_QUOTED && ch === "\\") {
      escStart = i;
      switch (text2[i + 1]) {
        case "x":
          i += 3;
          break;
        case "u":
          i += 5;
          break;
        case "U":
          i += 9;
          break;
        default:
          i += 1;
      }
      escEnd = i;
    }
    if (ch === "\n") {
      if (mode === FOLD_BLOCK)
        i = consumeMoreIndentedLines(text2, i, indent.length);
      end = i + indent.length + endStep;
      split2 = void 0;
    } else {
      if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
        const next = text2[i + 1];
        if (next && next !== " " && next !== "\n" && next !== "	")
          split2 = i;
      }
      if (i >= end) {
        if (split2) {
          folds.push(split2);
          end = split2 + endStep;
          split2 = void 0;
        } else if (mode === FOLD_QUOTED) {
          while (prev === " " || prev === "	") {
            prev = ch;
            ch = text2[i += 1];
            overflow = true;
          }
          const j = i > escEnd + 1 ? i - 2 : escStart - 1;
          if (escapedFolds[j])
            return text2;
          folds.push(j);
          escapedFolds[j] = true;
          end = j + endStep;
          split2 = void 0;
        } else {
          overflow = true;
        }
      }
    }
    prev = ch;
  }
  if (overflow && onOverflow)
    onOverflow();
  if (folds.length === 0)
    return text2;
  if (onFold)
    onFold();
  let res = text2.slice(0, folds[0]);
  for (let i2 = 0; i2 < folds.length; ++i2) {
    const fold2 = folds[i2];
    const end2 = folds[i2 + 1] || text2.length;
    if (fold2 === 0)
      res = `
${indent}${text2.slice(0, end2)}`;
    else {
      if (mode === FOLD_QUOTED && escapedFolds[fold2])
        res += `${text2[fold2]}\\`;
      res += `
${indent}${text2.slice(fold2 + 1, end2)}`;
    }
  }
  return res;
}
function consumeMoreIndentedLines(text2, i, indent) {
  let end = i;
  let start = i + 1;
  let ch = text2[start];
  while (ch === " " || ch === "	") {
    if (i < start + indent) {
      ch = text2[++i];
    } else {
      do {
        ch = text2[++i];
      } while (ch && ch !== "\n");
      end = i;
      start = i + 1;
      ch = text2[start];
    }
  }
  return end;
}

// node_modules/yaml/browser/dist/stringify/stringifyString.js
var getFoldOptions = (ctx, isBlock2) => ({
  indentAtStart: isBlock2 ? ctx.indent.length : ctx.indentAtStart,
  lineWidth: ctx.options.lineWidth,
  minContentWidth: ctx.options.minContentWidth
});
var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
  if (!lineWidth || lineWidth < 0)
    return false;
  const limit = lineWidth - indentLength;
  const strLen = str.length;
  if (strLen <= limit)
    return false;
  for (let i = 0, start = 0; i < strLen; ++i) {
    if (str[i] === "\n") {
      if (i - start > limit)
        return true;
      start = i + 1;
      if (strLen - start <= limit)
        return false;
    }
  }
  return true;
}
function doubleQuotedString(value, ctx) {
  const json = JSON.stringify(value);
  if (ctx.options.doubleQuotedAsJSON)
    return json;
  const { implicitKey } = ctx;
  const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
  const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
  let str = "";
  let start = 0;
  for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
    if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
      str += json.slice(start, i) + "\\ ";
      i += 1;
      start = i;
      ch = "\\";
    }
    if (ch === "\\")
      switch (json[i + 1]) {
        case "u":
          {
            str += json.slice(start, i);
            const code = json.substr(i + 2, 4);
            switch (code) {
              case "0000":
                str += "\\0";
                break;
              case "0007":
                str += "\\a";
                break;
              case "000b":
                str += "\\v";
                break;
              case "001b":
                str += "\\e";
                break;
              case "0085":
                str += "\\N";
                break;
              case "00a0":
                str += "\\_";
                break;
              case "2028":
                str += "\\L";
                break;
              case "2029":
                str += "\\P";
                break;
              default:
                if (code.substr(0, 2) === "00")
                  str += "\\x" + code.substr(2);
                else
                  str += json.substr(i, 6);
            }
            i += 5;
            start = i + 1;
          }
          break;
        case "n":
          if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
            i += 1;
          } else {
            str += json.slice(start, i) + "\n\n";
            while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
              str += "\n";
              i += 2;
            }
            str += indent;
            if (json[i + 2] === " ")
              str += "\\";
            i += 1;
            start = i + 1;
          }
          break;
        default:
          i += 1;
      }
  }
  str = start ? str + json.slice(start) : json;
  return implicitKey ? str : foldFlowLines(str, indent, FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
  if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
    return doubleQuotedString(value, ctx);
  const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
  const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
  return ctx.implicitKey ? res : foldFlowLines(res, indent, FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
  const { singleQuote } = ctx.options;
  let qs;
  if (singleQuote === false)
    qs = doubleQuotedString;
  else {
    const hasDouble = value.includes('"');
    const hasSingle = value.includes("'");
    if (hasDouble && !hasSingle)
      qs = singleQuotedString;
    else if (hasSingle && !hasDouble)
      qs = doubleQuotedString;
    else
      qs = singleQuote ? singleQuotedString : doubleQuotedString;
  }
  return qs(value, ctx);
}
var blockEndNewlines;
try {
  blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
} catch {
  blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
  const { blockQuote, commentString, lineWidth } = ctx.options;
  if (!blockQuote || /\n[\t ]+$/.test(value)) {
    return quotedString(value, ctx);
  }
  const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
  const literal2 = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.BLOCK_FOLDED ? false : type === Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
  if (!value)
    return literal2 ? "|\n" : ">\n";
  let chomp;
  let endStart;
  for (endStart = value.length; endStart > 0; --endStart) {
    const ch = value[endStart - 1];
    if (ch !== "\n" && ch !== "	" && ch !== " ")
      break;
  }
  let end = value.substring(endStart);
  const endNlPos = end.indexOf("\n");
  if (endNlPos === -1) {
    chomp = "-";
  } else if (value === end || endNlPos !== end.length - 1) {
    chomp = "+";
    if (onChompKeep)
      onChompKeep();
  } else {
    chomp = "";
  }
  if (end) {
    value = value.slice(0, -end.length);
    if (end[end.length - 1] === "\n")
      end = end.slice(0, -1);
    end = end.replace(blockEndNewlines, `$&${indent}`);
  }
  let startWithSpace = false;
  let startEnd;
  let startNlPos = -1;
  for (startEnd = 0; startEnd < value.length; ++startEnd) {
    const ch = value[startEnd];
    if (ch === " ")
      startWithSpace = true;
    else if (ch === "\n")
      startNlPos = startEnd;
    else
      break;
  }
  let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
  if (start) {
    value = value.substring(start.length);
    start = start.replace(/\n+/g, `$&${indent}`);
  }
  const indentSize = indent ? "2" : "1";
  let header = (startWithSpace ? indentSize : "") + chomp;
  if (comment) {
    header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
    if (onComment)
      onComment();
  }
  if (!literal2) {
    const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
    let literalFallback = false;
    const foldOptions = getFoldOptions(ctx, true);
    if (blockQuote !== "folded" && type !== Scalar.BLOCK_FOLDED) {
      foldOptions.onOverflow = () => {
        literalFallback = true;
      };
    }
    const body = foldFlowLines(`${start}${foldedValue}${end}`, indent, FOLD_BLOCK, foldOptions);
    if (!literalFallback)
      return `>${header}
${indent}${body}`;
  }
  value = value.replace(/\n+/g, `$&${indent}`);
  return `|${header}
${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
  const { type, value } = item;
  const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
  if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
    return quotedString(value, ctx);
  }
  if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
    return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
  }
  if (!implicitKey && !inFlow && type !== Scalar.PLAIN && value.includes("\n")) {
    return blockString(item, ctx, onComment, onChompKeep);
  }
  if (containsDocumentMarker(value)) {
    if (indent === "") {
      ctx.forceBlockIndent = true;
      return blockString(item, ctx, onComment, onChompKeep);
    } else if (implicitKey && indent === indentStep) {
      return quotedString(value, ctx);
    }
  }
  const str = value.replace(/\n+/g, `$&
${indent}`);
  if (actualString) {
    const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
    const { compat, tags } = ctx.doc.schema;
    if (tags.some(test) || compat?.some(test))
      return quotedString(value, ctx);
  }
  return implicitKey ? str : foldFlowLines(str, indent, FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
  const { implicitKey, inFlow } = ctx;
  const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
  let { type } = item;
  if (type !== Scalar.QUOTE_DOUBLE) {
    if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
      type = Scalar.QUOTE_DOUBLE;
  }
  const _stringify = (_type) => {
    switch (_type) {
      case Scalar.BLOCK_FOLDED:
      case Scalar.BLOCK_LITERAL:
        return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
      case Scalar.QUOTE_DOUBLE:
        return doubleQuotedString(ss.value, ctx);
      case Scalar.QUOTE_SINGLE:
        return singleQuotedString(ss.value, ctx);
      case Scalar.PLAIN:
        return plainString(ss, ctx, onComment, onChompKeep);
      default:
        return null;
    }
  };
  let res = _stringify(type);
  if (res === null) {
    const { defaultKeyType, defaultStringType } = ctx.options;
    const t = implicitKey && defaultKeyType || defaultStringType;
    res = _stringify(t);
    if (res === null)
      throw new Error(`Unsupported default string type ${t}`);
  }
  return res;
}

// node_modules/yaml/browser/dist/stringify/stringify.js
function createStringifyContext(doc, options) {
  const opt = Object.assign({
    blockQuote: true,
    commentString: stringifyComment,
    defaultKeyType: null,
    defaultStringType: "PLAIN",
    directives: null,
    doubleQuotedAsJSON: false,
    doubleQuotedMinMultiLineLength: 40,
    falseStr: "false",
    flowCollectionPadding: true,
    indentSeq: true,
    lineWidth: 80,
    minContentWidth: 20,
    nullStr: "null",
    simpleKeys: false,
    singleQuote: null,
    trailingComma: false,
    trueStr: "true",
    verifyAliasOrder: true
  }, doc.schema.toStringOptions, options);
  let inFlow;
  switch (opt.collectionStyle) {
    case "block":
      inFlow = false;
      break;
    case "flow":
      inFlow = true;
      break;
    default:
      inFlow = null;
  }
  return {
    anchors: /* @__PURE__ */ new Set(),
    doc,
    flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
    indent: "",
    indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
    inFlow,
    options: opt
  };
}
function getTagObject(tags, item) {
  if (item.tag) {
    const match = tags.filter((t) => t.tag === item.tag);
    if (match.length > 0)
      return match.find((t) => t.format === item.format) ?? match[0];
  }
  let tagObj = void 0;
  let obj;
  if (isScalar(item)) {
    obj = item.value;
    let match = tags.filter((t) => t.identify?.(obj));
    if (match.length > 1) {
      const testMatch = match.filter((t) => t.test);
      if (testMatch.length > 0)
        match = testMatch;
    }
    tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
  } else {
    obj = item;
    tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
  }
  if (!tagObj) {
    const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
    throw new Error(`Tag not resolved for ${name} value`);
  }
  return tagObj;
}
function stringifyProps(node2, tagObj, { anchors, doc }) {
  if (!doc.directives)
    return "";
  const props = [];
  const anchor = (isScalar(node2) || isCollection(node2)) && node2.anchor;
  if (anchor && anchorIsValid(anchor)) {
    anchors.add(anchor);
    props.push(`&${anchor}`);
  }
  const tag = node2.tag ?? (tagObj.default ? null : tagObj.tag);
  if (tag)
    props.push(doc.directives.tagString(tag));
  return props.join(" ");
}
function stringify(item, ctx, onComment, onChompKeep) {
  if (isPair(item))
    return item.toString(ctx, onComment, onChompKeep);
  if (isAlias(item)) {
    if (ctx.doc.directives)
      return item.toString(ctx);
    if (ctx.resolvedAliases?.has(item)) {
      throw new TypeError(`Cannot stringify circular structure without alias nodes`);
    } else {
      if (ctx.resolvedAliases)
        ctx.resolvedAliases.add(item);
      else
        ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
      item = item.resolve(ctx.doc);
    }
  }
  let tagObj = void 0;
  const node2 = isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
  tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node2));
  const props = stringifyProps(node2, tagObj, ctx);
  if (props.length > 0)
    ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
  const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node2, ctx, onComment, onChompKeep) : isScalar(node2) ? stringifyString(node2, ctx, onComment, onChompKeep) : node2.toString(ctx, onComment, onChompKeep);
  if (!props)
    return str;
  return isScalar(node2) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
}

// node_modules/yaml/browser/dist/stringify/stringifyPair.js
function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
  const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
  let keyComment = isNode(key) && key.comment || null;
  if (simpleKeys) {
    if (keyComment) {
      throw new Error("With simple keys, key nodes cannot have comments");
    }
    if (isCollection(key) || !isNode(key) && typeof key === "object") {
      const msg = "With simple keys, collection cannot be used as a key value";
      throw new Error(msg);
    }
  }
  let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || isCollection(key) || (isScalar(key) ? key.type === Scalar.BLOCK_FOLDED || key.type === Scalar.BLOCK_LITERAL : typeof key === "object"));
  ctx = Object.assign({}, ctx, {
    allNullValues: false,
    implicitKey: !explicitKey && (simpleKeys || !allNullValues),
    indent: indent + indentStep
  });
  let keyCommentDone = false;
  let chompKeep = false;
  let str = stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
  if (!explicitKey && !ctx.inFlow && str.length > 1024) {
    if (simpleKeys)
      throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
    explicitKey = true;
  }
  if (ctx.inFlow) {
    if (allNullValues || value == null) {
      if (keyCommentDone && onComment)
        onComment();
      return str === "" ? "?" : explicitKey ? `? ${str}` : str;
    }
  } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
    str = `? ${str}`;
    if (keyComment && !keyCommentDone) {
      str += lineComment(str, ctx.indent, commentString(keyComment));
    } else if (chompKeep && onChompKeep)
      onChompKeep();
    return str;
  }
  if (keyCommentDone)
    keyComment = null;
  if (explicitKey) {
    if (keyComment)
      str += lineComment(str, ctx.indent, commentString(keyComment));
    str = `? ${str}
${indent}:`;
  } else {
    str = `${str}:`;
    if (keyComment)
      str += lineComment(str, ctx.indent, commentString(keyComment));
  }
  let vsb, vcb, valueComment;
  if (isNode(value)) {
    vsb = !!value.spaceBefore;
    vcb = value.commentBefore;
    valueComment = value.comment;
  } else {
    vsb = false;
    vcb = null;
    valueComment = null;
    if (value && typeof value === "object")
      value = doc.createNode(value);
  }
  ctx.implicitKey = false;
  if (!explicitKey && !keyComment && isScalar(value))
    ctx.indentAtStart = str.length + 1;
  chompKeep = false;
  if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && isSeq(value) && !value.flow && !value.tag && !value.anchor) {
    ctx.indent = ctx.indent.substring(2);
  }
  let valueCommentDone = false;
  const valueStr = stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
  let ws = " ";
  if (keyComment || vsb || vcb) {
    ws = vsb ? "\n" : "";
    if (vcb) {
      const cs = commentString(vcb);
      ws += `
${indentComment(cs, ctx.indent)}`;
    }
    if (valueStr === "" && !ctx.inFlow) {
      if (ws === "\n" && valueComment)
        ws = "\n\n";
    } else {
      ws += `
${ctx.indent}`;
    }
  } else if (!explicitKey && isCollection(value)) {
    const vs0 = valueStr[0];
    const nl0 = valueStr.indexOf("\n");
    const hasNewline = nl0 !== -1;
    const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
    if (hasNewline || !flow) {
      let hasPropsLine = false;
      if (hasNewline && (vs0 === "&" || vs0 === "!")) {
        let sp0 = valueStr.indexOf(" ");
        if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
          sp0 = valueStr.indexOf(" ", sp0 + 1);
        }
        if (sp0 === -1 || nl0 < sp0)
          hasPropsLine = true;
      }
      if (!hasPropsLine)
        ws = `
${ctx.indent}`;
    }
  } else if (valueStr === "" || valueStr[0] === "\n") {
    ws = "";
  }
  str += ws + valueStr;
  if (ctx.inFlow) {
    if (valueCommentDone && onComment)
      onComment();
  } else if (valueComment && !valueCommentDone) {
    str += lineComment(str, ctx.indent, commentString(valueComment));
  } else if (chompKeep && onChompKeep) {
    onChompKeep();
  }
  return str;
}

// node_modules/yaml/browser/dist/log.js
function warn(logLevel, warning) {
  if (logLevel === "debug" || logLevel === "warn") {
    console.warn(warning);
  }
}

// node_modules/yaml/browser/dist/schema/yaml-1.1/merge.js
var MERGE_KEY = "<<";
var merge = {
  identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
  default: "key",
  tag: "tag:yaml.org,2002:merge",
  test: /^<<$/,
  resolve: () => Object.assign(new Scalar(Symbol(MERGE_KEY)), {
    addToJSMap: addMergeToJSMap
  }),
  stringify: () => MERGE_KEY
};
var isMergeKey = (ctx, key) => (merge.identify(key) || isScalar(key) && (!key.type || key.type === Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map2, value) {
  const source = resolveAliasValue(ctx, value);
  if (isSeq(source))
    for (const it of source.items)
      mergeValue(ctx, map2, it);
  else if (Array.isArray(source))
    for (const it of source)
      mergeValue(ctx, map2, it);
  else
    mergeValue(ctx, map2, source);
}
function mergeValue(ctx, map2, value) {
  const source = resolveAliasValue(ctx, value);
  if (!isMap(source))
    throw new Error("Merge sources must be maps or map aliases");
  const srcMap = source.toJSON(null, ctx, Map);
  for (const [key, value2] of srcMap) {
    if (map2 instanceof Map) {
      if (!map2.has(key))
        map2.set(key, value2);
    } else if (map2 instanceof Set) {
      map2.add(key);
    } else if (!Object.prototype.hasOwnProperty.call(map2, key)) {
      Object.defineProperty(map2, key, {
        value: value2,
        writable: true,
        enumerable: true,
        configurable: true
      });
    }
  }
  return map2;
}
function resolveAliasValue(ctx, value) {
  return ctx && isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

// node_modules/yaml/browser/dist/nodes/addPairToJSMap.js
function addPairToJSMap(ctx, map2, { key, value }) {
  if (isNode(key) && key.addToJSMap)
    key.addToJSMap(ctx, map2, value);
  else if (isMergeKey(ctx, key))
    addMergeToJSMap(ctx, map2, value);
  else {
    const jsKey = toJS(key, "", ctx);
    if (map2 instanceof Map) {
      map2.set(jsKey, toJS(value, jsKey, ctx));
    } else if (map2 instanceof Set) {
      map2.add(jsKey);
    } else {
      const stringKey = stringifyKey(key, jsKey, ctx);
      const jsValue = toJS(value, stringKey, ctx);
      if (stringKey in map2)
        Object.defineProperty(map2, stringKey, {
          value: jsValue,
          writable: true,
          enumerable: true,
          configurable: true
        });
      else
        map2[stringKey] = jsValue;
    }
  }
  return map2;
}
function stringifyKey(key, jsKey, ctx) {
  if (jsKey === null)
    return "";
  if (typeof jsKey !== "object")
    return String(jsKey);
  if (isNode(key) && ctx?.doc) {
    const strCtx = createStringifyContext(ctx.doc, {});
    strCtx.anchors = /* @__PURE__ */ new Set();
    for (const node2 of ctx.anchors.keys())
      strCtx.anchors.add(node2.anchor);
    strCtx.inFlow = true;
    strCtx.inStringifyKey = true;
    const strKey = key.toString(strCtx);
    if (!ctx.mapKeyWarned) {
      let jsonStr = JSON.stringify(strKey);
      if (jsonStr.length > 40)
        jsonStr = jsonStr.substring(0, 36) + '..."';
      warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
      ctx.mapKeyWarned = true;
    }
    return strKey;
  }
  return JSON.stringify(jsKey);
}

// node_modules/yaml/browser/dist/nodes/Pair.js
function createPair(key, value, ctx) {
  const k = createNode(key, void 0, ctx);
  const v = createNode(value, void 0, ctx);
  return new Pair(k, v);
}
var Pair = class _Pair {
  constructor(key, value = null) {
    Object.defineProperty(this, NODE_TYPE, { value: PAIR });
    this.key = key;
    this.value = value;
  }
  clone(schema4) {
    let { key, value } = this;
    if (isNode(key))
      key = key.clone(schema4);
    if (isNode(value))
      value = value.clone(schema4);
    return new _Pair(key, value);
  }
  toJSON(_, ctx) {
    const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
    return addPairToJSMap(ctx, pair, this);
  }
  toString(ctx, onComment, onChompKeep) {
    return ctx?.doc ? stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
  }
};

// node_modules/yaml/browser/dist/stringify/stringifyCollection.js
function stringifyCollection(collection, ctx, options) {
  const flow = ctx.inFlow ?? collection.flow;
  const stringify4 = flow ? stringifyFlowCollection : stringifyBlockCollection;
  return stringify4(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
  const { indent, options: { commentString } } = ctx;
  const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
  let chompKeep = false;
  const lines = [];
  for (let i = 0; i < items.length; ++i) {
    const item = items[i];
    let comment2 = null;
    if (isNode(item)) {
      if (!chompKeep && item.spaceBefore)
        lines.push("");
      addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
      if (item.comment)
        comment2 = item.comment;
    } else if (isPair(item)) {
      const ik = isNode(item.key) ? item.key : null;
      if (ik) {
        if (!chompKeep && ik.spaceBefore)
          lines.push("");
        addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
      }
    }
    chompKeep = false;
    let str2 = stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
    if (comment2)
      str2 += lineComment(str2, itemIndent, commentString(comment2));
    if (chompKeep && comment2)
      chompKeep = false;
    lines.push(blockItemPrefix + str2);
  }
  let str;
  if (lines.length === 0) {
    str = flowChars.start + flowChars.end;
  } else {
    str = lines[0];
    for (let i = 1; i < lines.length; ++i) {
      const line = lines[i];
      str += line ? `
${indent}${line}` : "\n";
    }
  }
  if (comment) {
    str += "\n" + indentComment(commentString(comment), indent);
    if (onComment)
      onComment();
  } else if (chompKeep && onChompKeep)
    onChompKeep();
  return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
  const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
  itemIndent += indentStep;
  const itemCtx = Object.assign({}, ctx, {
    indent: itemIndent,
    inFlow: true,
    type: null
  });
  let reqNewline = false;
  let linesAtValue = 0;
  const lines = [];
  for (let i = 0; i < items.length; ++i) {
    const item = items[i];
    let comment = null;
    if (isNode(item)) {
      if (item.spaceBefore)
        lines.push("");
      addCommentBefore(ctx, lines, item.commentBefore, false);
      if (item.comment)
        comment = item.comment;
    } else if (isPair(item)) {
      const ik = isNode(item.key) ? item.key : null;
      if (ik) {
        if (ik.spaceBefore)
          lines.push("");
        addCommentBefore(ctx, lines, ik.commentBefore, false);
        if (ik.comment)
          reqNewline = true;
      }
      const iv = isNode(item.value) ? item.value : null;
      if (iv) {
        if (iv.comment)
          comment = iv.comment;
        if (iv.commentBefore)
          reqNewline = true;
      } else if (item.value == null && ik?.comment) {
        comment = ik.comment;
      }
    }
    if (comment)
      reqNewline = true;
    let str = stringify(item, itemCtx, () => comment = null);
    reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
    if (i < items.length - 1) {
      str += ",";
    } else if (ctx.options.trailingComma) {
      if (ctx.options.lineWidth > 0) {
        reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
      }
      if (reqNewline) {
        str += ",";
      }
    }
    if (comment)
      str += lineComment(str, itemIndent, commentString(comment));
    lines.push(str);
    linesAtValue = lines.length;
  }
  const { start, end } = flowChars;
  if (lines.length === 0) {
    return start + end;
  } else {
    if (!reqNewline) {
      const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
      reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
    }
    if (reqNewline) {
      let str = start;
      for (const line of lines)
        str += line ? `
${indentStep}${indent}${line}` : "\n";
      return `${str}
${indent}${end}`;
    } else {
      return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
    }
  }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
  if (comment && chompKeep)
    comment = comment.replace(/^\n+/, "");
  if (comment) {
    const ic = indentComment(commentString(comment), indent);
    lines.push(ic.trimStart());
  }
}

// node_modules/yaml/browser/dist/nodes/YAMLMap.js
function findPair(items, key) {
  const k = isScalar(key) ? key.value : key;
  for (const it of items) {
    if (isPair(it)) {
      if (it.key === key || it.key === k)
        return it;
      if (isScalar(it.key) && it.key.value === k)
        return it;
    }
  }
  return void 0;
}
var YAMLMap = class extends Collection {
  static get tagName() {
    return "tag:yaml.org,2002:map";
  }
  constructor(schema4) {
    super(MAP, schema4);
    this.items = [];
  }
  /**
   * A generic collection parsing method that can be extended
   * to other node classes that inherit from YAMLMap
   */
  static from(schema4, obj, ctx) {
    const { keepUndefined, replacer } = ctx;
    const map2 = new this(schema4);
    const add = (key, value) => {
      if (typeof replacer === "function")
        value = replacer.call(obj, key, value);
      else if (Array.isArray(replacer) && !replacer.includes(key))
        return;
      if (value !== void 0 || keepUndefined)
        map2.items.push(createPair(key, value, ctx));
    };
    if (obj instanceof Map) {
      for (const [key, value] of obj)
        add(key, value);
    } else if (obj && typeof obj === "object") {
      for (const key of Object.keys(obj))
        add(key, obj[key]);
    }
    if (typeof schema4.sortMapEntries === "function") {
      map2.items.sort(schema4.sortMapEntries);
    }
    return map2;
  }
  /**
   * Adds a value to the collection.
   *
   * @param overwrite - If not set `true`, using a key that is already in the
   *   collection will throw. Otherwise, overwrites the previous value.
   */
  add(pair, overwrite) {
    let _pair;
    if (isPair(pair))
      _pair = pair;
    else if (!pair || typeof pair !== "object" || !("key" in pair)) {
      _pair = new Pair(pair, pair?.value);
    } else
      _pair = new Pair(pair.key, pair.value);
    const prev = findPair(this.items, _pair.key);
    const sortEntries = this.schema?.sortMapEntries;
    if (prev) {
      if (!overwrite)
        throw new Error(`Key ${_pair.key} already set`);
      if (isScalar(prev.value) && isScalarValue(_pair.value))
        prev.value.value = _pair.value;
      else
        prev.value = _pair.value;
    } else if (sortEntries) {
      const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
      if (i === -1)
        this.items.push(_pair);
      else
        this.items.splice(i, 0, _pair);
    } else {
      this.items.push(_pair);
    }
  }
  delete(key) {
    const it = findPair(this.items, key);
    if (!it)
      return false;
    const del = this.items.splice(this.items.indexOf(it), 1);
    return del.length > 0;
  }
  get(key, keepScalar) {
    const it = findPair(this.items, key);
    const node2 = it?.value;
    return (!keepScalar && isScalar(node2) ? node2.value : node2) ?? void 0;
  }
  has(key) {
    return !!findPair(this.items, key);
  }
  set(key, value) {
    this.add(new Pair(key, value), true);
  }
  /**
   * @param ctx - Conversion context, originally set in Document#toJS()
   * @param {Class} Type - If set, forces the returned collection type
   * @returns Instance of Type, Map, or Object
   */
  toJSON(_, ctx, Type) {
    const map2 = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
    if (ctx?.onCreate)
      ctx.onCreate(map2);
    for (const item of this.items)
      addPairToJSMap(ctx, map2, item);
    return map2;
  }
  toString(ctx, onComment, onChompKeep) {
    if (!ctx)
      return JSON.stringify(this);
    for (const item of this.items) {
      if (!isPair(item))
        throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
    }
    if (!ctx.allNullValues && this.hasAllNullValues(false))
      ctx = Object.assign({}, ctx, { allNullValues: true });
    return stringifyCollection(this, ctx, {
      blockItemPrefix: "",
      flowChars: { start: "{", end: "}" },
      itemIndent: ctx.indent || "",
      onChompKeep,
      onComment
    });
  }
};

// node_modules/yaml/browser/dist/schema/common/map.js
var map = {
  collection: "map",
  default: true,
  nodeClass: YAMLMap,
  tag: "tag:yaml.org,2002:map",
  resolve(map2, onError) {
    if (!isMap(map2))
      onError("Expected a mapping for this tag");
    return map2;
  },
  createNode: (schema4, obj, ctx) => YAMLMap.from(schema4, obj, ctx)
};

// node_modules/yaml/browser/dist/nodes/YAMLSeq.js
var YAMLSeq = class extends Collection {
  static get tagName() {
    return "tag:yaml.org,2002:seq";
  }
  constructor(schema4) {
    super(SEQ, schema4);
    this.items = [];
  }
  add(value) {
    this.items.push(value);
  }
  /**
   * Removes a value from the collection.
   *
   * `key` must contain a representation of an integer for this to succeed.
   * It may be wrapped in a `Scalar`.
   *
   * @returns `true` if the item was found and removed.
   */
  delete(key) {
    const idx = asItemIndex(key);
    if (typeof idx !== "number")
      return false;
    const del = this.items.splice(idx, 1);
    return del.length > 0;
  }
  get(key, keepScalar) {
    const idx = asItemIndex(key);
    if (typeof idx !== "number")
      return void 0;
    const it = this.items[idx];
    return !keepScalar && isScalar(it) ? it.value : it;
  }
  /**
   * Checks if the collection includes a value with the key `key`.
   *
   * `key` must contain a representation of an integer for this to succeed.
   * It may be wrapped in a `Scalar`.
   */
  has(key) {
    const idx = asItemIndex(key);
    return typeof idx === "number" && idx < this.items.length;
  }
  /**
   * Sets a value in this collection. For `!!set`, `value` needs to be a
   * boolean to add/remove the item from the set.
   *
   * If `key` does not contain a representation of an integer, this will throw.
   * It may be wrapped in a `Scalar`.
   */
  set(key, value) {
    const idx = asItemIndex(key);
    if (typeof idx !== "number")
      throw new Error(`Expected a valid index, not ${key}.`);
    const prev = this.items[idx];
    if (isScalar(prev) && isScalarValue(value))
      prev.value = value;
    else
      this.items[idx] = value;
  }
  toJSON(_, ctx) {
    const seq2 = [];
    if (ctx?.onCreate)
      ctx.onCreate(seq2);
    let i = 0;
    for (const item of this.items)
      seq2.push(toJS(item, String(i++), ctx));
    return seq2;
  }
  toString(ctx, onComment, onChompKeep) {
    if (!ctx)
      return JSON.stringify(this);
    return stringifyCollection(this, ctx, {
      blockItemPrefix: "- ",
      flowChars: { start: "[", end: "]" },
      itemIndent: (ctx.indent || "") + "  ",
      onChompKeep,
      onComment
    });
  }
  static from(schema4, obj, ctx) {
    const { replacer } = ctx;
    const seq2 = new this(schema4);
    if (obj && Symbol.iterator in Object(obj)) {
      let i = 0;
      for (let it of obj) {
        if (typeof replacer === "function") {
          const key = obj instanceof Set ? it : String(i++);
          it = replacer.call(obj, key, it);
        }
        seq2.items.push(createNode(it, void 0, ctx));
      }
    }
    return seq2;
  }
};
function asItemIndex(key) {
  let idx = isScalar(key) ? key.value : key;
  if (idx && typeof idx === "string")
    idx = Number(idx);
  return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
}

// node_modules/yaml/browser/dist/schema/common/seq.js
var seq = {
  collection: "seq",
  default: true,
  nodeClass: YAMLSeq,
  tag: "tag:yaml.org,2002:seq",
  resolve(seq2, onError) {
    if (!isSeq(seq2))
      onError("Expected a sequence for this tag");
    return seq2;
  },
  createNode: (schema4, obj, ctx) => YAMLSeq.from(schema4, obj, ctx)
};

// node_modules/yaml/browser/dist/schema/common/string.js
var string = {
  identify: (value) => typeof value === "string",
  default: true,
  tag: "tag:yaml.org,2002:str",
  resolve: (str) => str,
  stringify(item, ctx, onComment, onChompKeep) {
    ctx = Object.assign({ actualString: true }, ctx);
    return stringifyString(item, ctx, onComment, onChompKeep);
  }
};

// node_modules/yaml/browser/dist/schema/common/null.js
var nullTag = {
  identify: (value) => value == null,
  createNode: () => new Scalar(null),
  default: true,
  tag: "tag:yaml.org,2002:null",
  test: /^(?:~|[Nn]ull|NULL)?$/,
  resolve: () => new Scalar(null),
  stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
};

// node_modules/yaml/browser/dist/schema/core/bool.js
var boolTag = {
  identify: (value) => typeof value === "boolean",
  default: true,
  tag: "tag:yaml.org,2002:bool",
  test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  resolve: (str) => new Scalar(str[0] === "t" || str[0] === "T"),
  stringify({ source, value }, ctx) {
    if (source && boolTag.test.test(source)) {
      const sv = source[0] === "t" || source[0] === "T";
      if (value === sv)
        return source;
    }
    return value ? ctx.options.trueStr : ctx.options.falseStr;
  }
};

// node_modules/yaml/browser/dist/stringify/stringifyNumber.js
function stringifyNumber({ format, minFractionDigits, tag, value }) {
  if (typeof value === "bigint")
    return String(value);
  const num = typeof value === "number" ? value : Number(value);
  if (!isFinite(num))
    return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
  let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
  if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
    let i = n.indexOf(".");
    if (i < 0) {
      i = n.length;
      n += ".";
    }
    let d = minFractionDigits - (n.length - i - 1);
    while (d-- > 0)
      n += "0";
  }
  return n;
}

// node_modules/yaml/browser/dist/schema/core/float.js
var floatNaN = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
  stringify: stringifyNumber
};
var floatExp = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  format: "EXP",
  test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  resolve: (str) => parseFloat(str),
  stringify(node2) {
    const num = Number(node2.value);
    return isFinite(num) ? num.toExponential() : stringifyNumber(node2);
  }
};
var float = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  resolve(str) {
    const node2 = new Scalar(parseFloat(str));
    const dot = str.indexOf(".");
    if (dot !== -1 && str[str.length - 1] === "0")
      node2.minFractionDigits = str.length - dot - 1;
    return node2;
  },
  stringify: stringifyNumber
};

// node_modules/yaml/browser/dist/schema/core/int.js
var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
function intStringify(node2, radix, prefix) {
  const { value } = node2;
  if (intIdentify(value) && value >= 0)
    return prefix + value.toString(radix);
  return stringifyNumber(node2);
}
var intOct = {
  identify: (value) => intIdentify(value) && value >= 0,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "OCT",
  test: /^0o[0-7]+$/,
  resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
  stringify: (node2) => intStringify(node2, 8, "0o")
};
var int = {
  identify: intIdentify,
  default: true,
  tag: "tag:yaml.org,2002:int",
  test: /^[-+]?[0-9]+$/,
  resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
  stringify: stringifyNumber
};
var intHex = {
  identify: (value) => intIdentify(value) && value >= 0,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "HEX",
  test: /^0x[0-9a-fA-F]+$/,
  resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
  stringify: (node2) => intStringify(node2, 16, "0x")
};

// node_modules/yaml/browser/dist/schema/core/schema.js
var schema = [
  map,
  seq,
  string,
  nullTag,
  boolTag,
  intOct,
  int,
  intHex,
  floatNaN,
  floatExp,
  float
];

// node_modules/yaml/browser/dist/schema/json/schema.js
function intIdentify2(value) {
  return typeof value === "bigint" || Number.isInteger(value);
}
var stringifyJSON = ({ value }) => JSON.stringify(value);
var jsonScalars = [
  {
    identify: (value) => typeof value === "string",
    default: true,
    tag: "tag:yaml.org,2002:str",
    resolve: (str) => str,
    stringify: stringifyJSON
  },
  {
    identify: (value) => value == null,
    createNode: () => new Scalar(null),
    default: true,
    tag: "tag:yaml.org,2002:null",
    test: /^null$/,
    resolve: () => null,
    stringify: stringifyJSON
  },
  {
    identify: (value) => typeof value === "boolean",
    default: true,
    tag: "tag:yaml.org,2002:bool",
    test: /^true$|^false$/,
    resolve: (str) => str === "true",
    stringify: stringifyJSON
  },
  {
    identify: intIdentify2,
    default: true,
    tag: "tag:yaml.org,2002:int",
    test: /^-?(?:0|[1-9][0-9]*)$/,
    resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
    stringify: ({ value }) => intIdentify2(value) ? value.toString() : JSON.stringify(value)
  },
  {
    identify: (value) => typeof value === "number",
    default: true,
    tag: "tag:yaml.org,2002:float",
    test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
    resolve: (str) => parseFloat(str),
    stringify: stringifyJSON
  }
];
var jsonError = {
  default: true,
  tag: "",
  test: /^/,
  resolve(str, onError) {
    onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
    return str;
  }
};
var schema2 = [map, seq].concat(jsonScalars, jsonError);

// node_modules/yaml/browser/dist/schema/yaml-1.1/binary.js
var binary = {
  identify: (value) => value instanceof Uint8Array,
  // Buffer inherits from Uint8Array
  default: false,
  tag: "tag:yaml.org,2002:binary",
  /**
   * Returns a Buffer in node and an Uint8Array in browsers
   *
   * To use the resulting buffer as an image, you'll want to do something like:
   *
   *   const blob = new Blob([buffer], { type: 'image/jpeg' })
   *   document.querySelector('#photo').src = URL.createObjectURL(blob)
   */
  resolve(src, onError) {
    if (typeof atob === "function") {
      const str = atob(src.replace(/[\n\r]/g, ""));
      const buffer2 = new Uint8Array(str.length);
      for (let i = 0; i < str.length; ++i)
        buffer2[i] = str.charCodeAt(i);
      return buffer2;
    } else {
      onError("This environment does not support reading binary tags; either Buffer or atob is required");
      return src;
    }
  },
  stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
    if (!value)
      return "";
    const buf = value;
    let str;
    if (typeof btoa === "function") {
      let s = "";
      for (let i = 0; i < buf.length; ++i)
        s += String.fromCharCode(buf[i]);
      str = btoa(s);
    } else {
      throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
    }
    type ?? (type = Scalar.BLOCK_LITERAL);
    if (type !== Scalar.QUOTE_DOUBLE) {
      const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
      const n = Math.ceil(str.length / lineWidth);
      const lines = new Array(n);
      for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
        lines[i] = str.substr(o, lineWidth);
      }
      str = lines.join(type === Scalar.BLOCK_LITERAL ? "\n" : " ");
    }
    return stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
  }
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/pairs.js
function resolvePairs(seq2, onError) {
  if (isSeq(seq2)) {
    for (let i = 0; i < seq2.items.length; ++i) {
      let item = seq2.items[i];
      if (isPair(item))
        continue;
      else if (isMap(item)) {
        if (item.items.length > 1)
          onError("Each pair must have its own sequence indicator");
        const pair = item.items[0] || new Pair(new Scalar(null));
        if (item.commentBefore)
          pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
        if (item.comment) {
          const cn = pair.value ?? pair.key;
          cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
        }
        item = pair;
      }
      seq2.items[i] = isPair(item) ? item : new Pair(item);
    }
  } else
    onError("Expected a sequence for this tag");
  return seq2;
}
function createPairs(schema4, iterable, ctx) {
  const { replacer } = ctx;
  const pairs2 = new YAMLSeq(schema4);
  pairs2.tag = "tag:yaml.org,2002:pairs";
  let i = 0;
  if (iterable && Symbol.iterator in Object(iterable))
    for (let it of iterable) {
      if (typeof replacer === "function")
        it = replacer.call(iterable, String(i++), it);
      let key, value;
      if (Array.isArray(it)) {
        if (it.length === 2) {
          key = it[0];
          value = it[1];
        } else
          throw new TypeError(`Expected [key, value] tuple: ${it}`);
      } else if (it && it instanceof Object) {
        const keys = Object.keys(it);
        if (keys.length === 1) {
          key = keys[0];
          value = it[key];
        } else {
          throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
        }
      } else {
        key = it;
      }
      pairs2.items.push(createPair(key, value, ctx));
    }
  return pairs2;
}
var pairs = {
  collection: "seq",
  default: false,
  tag: "tag:yaml.org,2002:pairs",
  resolve: resolvePairs,
  createNode: createPairs
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/omap.js
var YAMLOMap = class _YAMLOMap extends YAMLSeq {
  constructor() {
    super();
    this.add = YAMLMap.prototype.add.bind(this);
    this.delete = YAMLMap.prototype.delete.bind(this);
    this.get = YAMLMap.prototype.get.bind(this);
    this.has = YAMLMap.prototype.has.bind(this);
    this.set = YAMLMap.prototype.set.bind(this);
    this.tag = _YAMLOMap.tag;
  }
  /**
   * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
   * but TypeScript won't allow widening the signature of a child method.
   */
  toJSON(_, ctx) {
    if (!ctx)
      return super.toJSON(_);
    const map2 = /* @__PURE__ */ new Map();
    if (ctx?.onCreate)
      ctx.onCreate(map2);
    for (const pair of this.items) {
      let key, value;
      if (isPair(pair)) {
        key = toJS(pair.key, "", ctx);
        value = toJS(pair.value, key, ctx);
      } else {
        key = toJS(pair, "", ctx);
      }
      if (map2.has(key))
        throw new Error("Ordered maps must not include duplicate keys");
      map2.set(key, value);
    }
    return map2;
  }
  static from(schema4, iterable, ctx) {
    const pairs2 = createPairs(schema4, iterable, ctx);
    const omap2 = new this();
    omap2.items = pairs2.items;
    return omap2;
  }
};
YAMLOMap.tag = "tag:yaml.org,2002:omap";
var omap = {
  collection: "seq",
  identify: (value) => value instanceof Map,
  nodeClass: YAMLOMap,
  default: false,
  tag: "tag:yaml.org,2002:omap",
  resolve(seq2, onError) {
    const pairs2 = resolvePairs(seq2, onError);
    const seenKeys = [];
    for (const { key } of pairs2.items) {
      if (isScalar(key)) {
        if (seenKeys.includes(key.value)) {
          onError(`Ordered maps must not include duplicate keys: ${key.value}`);
        } else {
          seenKeys.push(key.value);
        }
      }
    }
    return Object.assign(new YAMLOMap(), pairs2);
  },
  createNode: (schema4, iterable, ctx) => YAMLOMap.from(schema4, iterable, ctx)
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/bool.js
function boolStringify({ value, source }, ctx) {
  const boolObj = value ? trueTag : falseTag;
  if (source && boolObj.test.test(source))
    return source;
  return value ? ctx.options.trueStr : ctx.options.falseStr;
}
var trueTag = {
  identify: (value) => value === true,
  default: true,
  tag: "tag:yaml.org,2002:bool",
  test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
  resolve: () => new Scalar(true),
  stringify: boolStringify
};
var falseTag = {
  identify: (value) => value === false,
  default: true,
  tag: "tag:yaml.org,2002:bool",
  test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
  resolve: () => new Scalar(false),
  stringify: boolStringify
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/float.js
var floatNaN2 = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
  stringify: stringifyNumber
};
var floatExp2 = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  format: "EXP",
  test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  resolve: (str) => parseFloat(str.replace(/_/g, "")),
  stringify(node2) {
    const num = Number(node2.value);
    return isFinite(num) ? num.toExponential() : stringifyNumber(node2);
  }
};
var float2 = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
  resolve(str) {
    const node2 = new Scalar(parseFloat(str.replace(/_/g, "")));
    const dot = str.indexOf(".");
    if (dot !== -1) {
      const f = str.substring(dot + 1).replace(/_/g, "");
      if (f[f.length - 1] === "0")
        node2.minFractionDigits = f.length;
    }
    return node2;
  },
  stringify: stringifyNumber
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/int.js
var intIdentify3 = (value) => typeof value === "bigint" || Number.isInteger(value);
function intResolve2(str, offset, radix, { intAsBigInt }) {
  const sign = str[0];
  if (sign === "-" || sign === "+")
    offset += 1;
  str = str.substring(offset).replace(/_/g, "");
  if (intAsBigInt) {
    switch (radix) {
      case 2:
        str = `0b${str}`;
        break;
      case 8:
        str = `0o${str}`;
        break;
      case 16:
        str = `0x${str}`;
        break;
    }
    const n2 = BigInt(str);
    return sign === "-" ? BigInt(-1) * n2 : n2;
  }
  const n = parseInt(str, radix);
  return sign === "-" ? -1 * n : n;
}
function intStringify2(node2, radix, prefix) {
  const { value } = node2;
  if (intIdentify3(value)) {
    const str = value.toString(radix);
    return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
  }
  return stringifyNumber(node2);
}
var intBin = {
  identify: intIdentify3,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "BIN",
  test: /^[-+]?0b[0-1_]+$/,
  resolve: (str, _onError, opt) => intResolve2(str, 2, 2, opt),
  stringify: (node2) => intStringify2(node2, 2, "0b")
};
var intOct2 = {
  identify: intIdentify3,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "OCT",
  test: /^[-+]?0[0-7_]+$/,
  resolve: (str, _onError, opt) => intResolve2(str, 1, 8, opt),
  stringify: (node2) => intStringify2(node2, 8, "0")
};
var int2 = {
  identify: intIdentify3,
  default: true,
  tag: "tag:yaml.org,2002:int",
  test: /^[-+]?[0-9][0-9_]*$/,
  resolve: (str, _onError, opt) => intResolve2(str, 0, 10, opt),
  stringify: stringifyNumber
};
var intHex2 = {
  identify: intIdentify3,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "HEX",
  test: /^[-+]?0x[0-9a-fA-F_]+$/,
  resolve: (str, _onError, opt) => intResolve2(str, 2, 16, opt),
  stringify: (node2) => intStringify2(node2, 16, "0x")
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/set.js
var YAMLSet = class _YAMLSet extends YAMLMap {
  constructor(schema4) {
    super(schema4);
    this.tag = _YAMLSet.tag;
  }
  add(key) {
    let pair;
    if (isPair(key))
      pair = key;
    else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
      pair = new Pair(key.key, null);
    else
      pair = new Pair(key, null);
    const prev = findPair(this.items, pair.key);
    if (!prev)
      this.items.push(pair);
  }
  /**
   * If `keepPair` is `true`, returns the Pair matching `key`.
   * Otherwise, returns the value of that Pair's key.
   */
  get(key, keepPair) {
    const pair = findPair(this.items, key);
    return !keepPair && isPair(pair) ? isScalar(pair.key) ? pair.key.value : pair.key : pair;
  }
  set(key, value) {
    if (typeof value !== "boolean")
      throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
    const prev = findPair(this.items, key);
    if (prev && !value) {
      this.items.splice(this.items.indexOf(prev), 1);
    } else if (!prev && value) {
      this.items.push(new Pair(key));
    }
  }
  toJSON(_, ctx) {
    return super.toJSON(_, ctx, Set);
  }
  toString(ctx, onComment, onChompKeep) {
    if (!ctx)
      return JSON.stringify(this);
    if (this.hasAllNullValues(true))
      return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
    else
      throw new Error("Set items must all have null values");
  }
  static from(schema4, iterable, ctx) {
    const { replacer } = ctx;
    const set2 = new this(schema4);
    if (iterable && Symbol.iterator in Object(iterable))
      for (let value of iterable) {
        if (typeof replacer === "function")
          value = replacer.call(iterable, value, value);
        set2.items.push(createPair(value, null, ctx));
      }
    return set2;
  }
};
YAMLSet.tag = "tag:yaml.org,2002:set";
var set = {
  collection: "map",
  identify: (value) => value instanceof Set,
  nodeClass: YAMLSet,
  default: false,
  tag: "tag:yaml.org,2002:set",
  createNode: (schema4, iterable, ctx) => YAMLSet.from(schema4, iterable, ctx),
  resolve(map2, onError) {
    if (isMap(map2)) {
      if (map2.hasAllNullValues(true))
        return Object.assign(new YAMLSet(), map2);
      else
        onError("Set items must all have null values");
    } else
      onError("Expected a mapping for this tag");
    return map2;
  }
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/timestamp.js
function parseSexagesimal(str, asBigInt) {
  const sign = str[0];
  const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
  const num = (n) => asBigInt ? BigInt(n) : Number(n);
  const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
  return sign === "-" ? num(-1) * res : res;
}
function stringifySexagesimal(node2) {
  let { value } = node2;
  let num = (n) => n;
  if (typeof value === "bigint")
    num = (n) => BigInt(n);
  else if (isNaN(value) || !isFinite(value))
    return stringifyNumber(node2);
  let sign = "";
  if (value < 0) {
    sign = "-";
    value *= num(-1);
  }
  const _60 = num(60);
  const parts = [value % _60];
  if (value < 60) {
    parts.unshift(0);
  } else {
    value = (value - parts[0]) / _60;
    parts.unshift(value % _60);
    if (value >= 60) {
      value = (value - parts[0]) / _60;
      parts.unshift(value);
    }
  }
  return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
}
var intTime = {
  identify: (value) => typeof value === "bigint" || Number.isInteger(value),
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "TIME",
  test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
  resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
  stringify: stringifySexagesimal
};
var floatTime = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  format: "TIME",
  test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
  resolve: (str) => parseSexagesimal(str, false),
  stringify: stringifySexagesimal
};
var timestamp = {
  identify: (value) => value instanceof Date,
  default: true,
  tag: "tag:yaml.org,2002:timestamp",
  // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
  // may be omitted altogether, resulting in a date format. In such a case, the time part is
  // assumed to be 00:00:00Z (start of day, UTC).
  test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
  resolve(str) {
    const match = str.match(timestamp.test);
    if (!match)
      throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
    const [, year, month, day, hour, minute, second] = match.map(Number);
    const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
    let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
    const tz = match[8];
    if (tz && tz !== "Z") {
      let d = parseSexagesimal(tz, false);
      if (Math.abs(d) < 30)
        d *= 60;
      date -= 6e4 * d;
    }
    return new Date(date);
  },
  stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/schema.js
var schema3 = [
  map,
  seq,
  string,
  nullTag,
  trueTag,
  falseTag,
  intBin,
  intOct2,
  int2,
  intHex2,
  floatNaN2,
  floatExp2,
  float2,
  binary,
  merge,
  omap,
  pairs,
  set,
  intTime,
  floatTime,
  timestamp
];

// node_modules/yaml/browser/dist/schema/tags.js
var schemas = /* @__PURE__ */ new Map([
  ["core", schema],
  ["failsafe", [map, seq, string]],
  ["json", schema2],
  ["yaml11", schema3],
  ["yaml-1.1", schema3]
]);
var tagsByName = {
  binary,
  bool: boolTag,
  float,
  floatExp,
  floatNaN,
  floatTime,
  int,
  intHex,
  intOct,
  intTime,
  map,
  merge,
  null: nullTag,
  omap,
  pairs,
  seq,
  set,
  timestamp
};
var coreKnownTags = {
  "tag:yaml.org,2002:binary": binary,
  "tag:yaml.org,2002:merge": merge,
  "tag:yaml.org,2002:omap": omap,
  "tag:yaml.org,2002:pairs": pairs,
  "tag:yaml.org,2002:set": set,
  "tag:yaml.org,2002:timestamp": timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
  const schemaTags = schemas.get(schemaName);
  if (schemaTags && !customTags) {
    return addMergeTag && !schemaTags.includes(merge) ? schemaTags.concat(merge) : schemaTags.slice();
  }
  let tags = schemaTags;
  if (!tags) {
    if (Array.isArray(customTags))
      tags = [];
    else {
      const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
      throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
    }
  }
  if (Array.isArray(customTags)) {
    for (const tag of customTags)
      tags = tags.concat(tag);
  } else if (typeof customTags === "function") {
    tags = customTags(tags.slice());
  }
  if (addMergeTag)
    tags = tags.concat(merge);
  return tags.reduce((tags2, tag) => {
    const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
    if (!tagObj) {
      const tagName = JSON.stringify(tag);
      const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
      throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
    }
    if (!tags2.includes(tagObj))
      tags2.push(tagObj);
    return tags2;
  }, []);
}

// node_modules/yaml/browser/dist/schema/Schema.js
var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
var Schema = class _Schema {
  constructor({ compat, customTags, merge: merge2, resolveKnownTags, schema: schema4, sortMapEntries, toStringDefaults }) {
    this.compat = Array.isArray(compat) ? getTags(compat, "compat") : compat ? getTags(null, compat) : null;
    this.name = typeof schema4 === "string" && schema4 || "core";
    this.knownTags = resolveKnownTags ? coreKnownTags : {};
    this.tags = getTags(customTags, this.name, merge2);
    this.toStringOptions = toStringDefaults ?? null;
    Object.defineProperty(this, MAP, { value: map });
    Object.defineProperty(this, SCALAR, { value: string });
    Object.defineProperty(this, SEQ, { value: seq });
    this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
  }
  clone() {
    const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
    copy.tags = this.tags.slice();
    return copy;
  }
};

// node_modules/yaml/browser/dist/stringify/stringifyDocument.js
function stringifyDocument(doc, options) {
  const lines = [];
  let hasDirectives = options.directives === true;
  if (options.directives !== false && doc.directives) {
    const dir = doc.directives.toString(doc);
    if (dir) {
      lines.push(dir);
      hasDirectives = true;
    } else if (doc.directives.docStart)
      hasDirectives = true;
  }
  if (hasDirectives)
    lines.push("---");
  const ctx = createStringifyContext(doc, options);
  const { commentString } = ctx.options;
  if (doc.commentBefore) {
    if (lines.length !== 1)
      lines.unshift("");
    const cs = commentString(doc.commentBefore);
    lines.unshift(indentComment(cs, ""));
  }
  let chompKeep = false;
  let contentComment = null;
  if (doc.contents) {
    if (isNode(doc.contents)) {
      if (doc.contents.spaceBefore && hasDirectives)
        lines.push("");
      if (doc.contents.commentBefore) {
        const cs = commentString(doc.contents.commentBefore);
        lines.push(indentComment(cs, ""));
      }
      ctx.forceBlockIndent = !!doc.comment;
      contentComment = doc.contents.comment;
    }
    const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
    let body = stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
    if (contentComment)
      body += lineComment(body, "", commentString(contentComment));
    if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
      lines[lines.length - 1] = `--- ${body}`;
    } else
      lines.push(body);
  } else {
    lines.push(stringify(doc.contents, ctx));
  }
  if (doc.directives?.docEnd) {
    if (doc.comment) {
      const cs = commentString(doc.comment);
      if (cs.includes("\n")) {
        lines.push("...");
        lines.push(indentComment(cs, ""));
      } else {
        lines.push(`... ${cs}`);
      }
    } else {
      lines.push("...");
    }
  } else {
    let dc = doc.comment;
    if (dc && chompKeep)
      dc = dc.replace(/^\n+/, "");
    if (dc) {
      if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
        lines.push("");
      lines.push(indentComment(commentString(dc), ""));
    }
  }
  return lines.join("\n") + "\n";
}

// node_modules/yaml/browser/dist/doc/Document.js
var Document = class _Document {
  constructor(value, replacer, options) {
    this.commentBefore = null;
    this.comment = null;
    this.errors = [];
    this.warnings = [];
    Object.defineProperty(this, NODE_TYPE, { value: DOC });
    let _replacer = null;
    if (typeof replacer === "function" || Array.isArray(replacer)) {
      _replacer = replacer;
    } else if (options === void 0 && replacer) {
      options = replacer;
      replacer = void 0;
    }
    const opt = Object.assign({
      intAsBigInt: false,
      keepSourceTokens: false,
      logLevel: "warn",
      prettyErrors: true,
      strict: true,
      stringKeys: false,
      uniqueKeys: true,
      version: "1.2"
    }, options);
    this.options = opt;
    let { version } = opt;
    if (options?._directives) {
      this.directives = options._directives.atDocument();
      if (this.directives.yaml.explicit)
        version = this.directives.yaml.version;
    } else
      this.directives = new Directives({ version });
    this.setSchema(version, options);
    this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
  }
  /**
   * Create a deep copy of this Document and its contents.
   *
   * Custom Node values that inherit from `Object` still refer to their original instances.
   */
  clone() {
    const copy = Object.create(_Document.prototype, {
      [NODE_TYPE]: { value: DOC }
    });
    copy.commentBefore = this.commentBefore;
    copy.comment = this.comment;
    copy.errors = this.errors.slice();
    copy.warnings = this.warnings.slice();
    copy.options = Object.assign({}, this.options);
    if (this.directives)
      copy.directives = this.directives.clone();
    copy.schema = this.schema.clone();
    copy.contents = isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
    if (this.range)
      copy.range = this.range.slice();
    return copy;
  }
  /** Adds a value to the document. */
  add(value) {
    if (assertCollection(this.contents))
      this.contents.add(value);
  }
  /** Adds a value to the document. */
  addIn(path, value) {
    if (assertCollection(this.contents))
      this.contents.addIn(path, value);
  }
  /**
   * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
   *
   * If `node` already has an anchor, `name` is ignored.
   * Otherwise, the `node.anchor` value will be set to `name`,
   * or if an anchor with that name is already present in the document,
   * `name` will be used as a prefix for a new unique anchor.
   * If `name` is undefined, the generated anchor will use 'a' as a prefix.
   */
  createAlias(node2, name) {
    if (!node2.anchor) {
      const prev = anchorNames(this);
      node2.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
      !name || prev.has(name) ? findNewAnchor(name || "a", prev) : name;
    }
    return new Alias(node2.anchor);
  }
  createNode(value, replacer, options) {
    let _replacer = void 0;
    if (typeof replacer === "function") {
      value = replacer.call({ "": value }, "", value);
      _replacer = replacer;
    } else if (Array.isArray(replacer)) {
      const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
      const asStr = replacer.filter(keyToStr).map(String);
      if (asStr.length > 0)
        replacer = replacer.concat(asStr);
      _replacer = replacer;
    } else if (options === void 0 && replacer) {
      options = replacer;
      replacer = void 0;
    }
    const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
    const { onAnchor, setAnchors, sourceObjects } = createNodeAnchors(
      this,
      // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
      anchorPrefix || "a"
    );
    const ctx = {
      aliasDuplicateObjects: aliasDuplicateObjects ?? true,
      keepUndefined: keepUndefined ?? false,
      onAnchor,
      onTagObj,
      replacer: _replacer,
      schema: this.schema,
      sourceObjects
    };
    const node2 = createNode(value, tag, ctx);
    if (flow && isCollection(node2))
      node2.flow = true;
    setAnchors();
    return node2;
  }
  /**
   * Convert a key and a value into a `Pair` using the current schema,
   * recursively wrapping all values as `Scalar` or `Collection` nodes.
   */
  createPair(key, value, options = {}) {
    const k = this.createNode(key, null, options);
    const v = this.createNode(value, null, options);
    return new Pair(k, v);
  }
  /**
   * Removes a value from the document.
   * @returns `true` if the item was found and removed.
   */
  delete(key) {
    return assertCollection(this.contents) ? this.contents.delete(key) : false;
  }
  /**
   * Removes a value from the document.
   * @returns `true` if the item was found and removed.
   */
  deleteIn(path) {
    if (isEmptyPath(path)) {
      if (this.contents == null)
        return false;
      this.contents = null;
      return true;
    }
    return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
  }
  /**
   * Returns item at `key`, or `undefined` if not found. By default unwraps
   * scalar values from their surrounding node; to disable set `keepScalar` to
   * `true` (collections are always returned intact).
   */
  get(key, keepScalar) {
    return isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
  }
  /**
   * Returns item at `path`, or `undefined` if not found. By default unwraps
   * scalar values from their surrounding node; to disable set `keepScalar` to
   * `true` (collections are always returned intact).
   */
  getIn(path, keepScalar) {
    if (isEmptyPath(path))
      return !keepScalar && isScalar(this.contents) ? this.contents.value : this.contents;
    return isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
  }
  /**
   * Checks if the document includes a value with the key `key`.
   */
  has(key) {
    return isCollection(this.contents) ? this.contents.has(key) : false;
  }
  /**
   * Checks if the document includes a value at `path`.
   */
  hasIn(path) {
    if (isEmptyPath(path))
      return this.contents !== void 0;
    return isCollection(this.contents) ? this.contents.hasIn(path) : false;
  }
  /**
   * Sets a value in this document. For `!!set`, `value` needs to be a
   * boolean to add/remove the item from the set.
   */
  set(key, value) {
    if (this.contents == null) {
      this.contents = collectionFromPath(this.schema, [key], value);
    } else if (assertCollection(this.contents)) {
      this.contents.set(key, value);
    }
  }
  /**
   * Sets a value in this document. For `!!set`, `value` needs to be a
   * boolean to add/remove the item from the set.
   */
  setIn(path, value) {
    if (isEmptyPath(path)) {
      this.contents = value;
    } else if (this.contents == null) {
      this.contents = collectionFromPath(this.schema, Array.from(path), value);
    } else if (assertCollection(this.contents)) {
      this.contents.setIn(path, value);
    }
  }
  /**
   * Change the YAML version and schema used by the document.
   * A `null` version disables support for directives, explicit tags, anchors, and aliases.
   * It also requires the `schema` option to be given as a `Schema` instance value.
   *
   * Overrides all previously set schema options.
   */
  setSchema(version, options = {}) {
    if (typeof version === "number")
      version = String(version);
    let opt;
    switch (version) {
      case "1.1":
        if (this.directives)
          this.directives.yaml.version = "1.1";
        else
          this.directives = new Directives({ version: "1.1" });
        opt = { resolveKnownTags: false, schema: "yaml-1.1" };
        break;
      case "1.2":
      case "next":
        if (this.directives)
          this.directives.yaml.version = version;
        else
          this.directives = new Directives({ version });
        opt = { resolveKnownTags: true, schema: "core" };
        break;
      case null:
        if (this.directives)
          delete this.directives;
        opt = null;
        break;
      default: {
        const sv = JSON.stringify(version);
        throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
      }
    }
    if (options.schema instanceof Object)
      this.schema = options.schema;
    else if (opt)
      this.schema = new Schema(Object.assign(opt, options));
    else
      throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
  }
  // json & jsonArg are only used from toJSON()
  toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
    const ctx = {
      anchors: /* @__PURE__ */ new Map(),
      doc: this,
      keep: !json,
      mapAsMap: mapAsMap === true,
      mapKeyWarned: false,
      maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
    };
    const res = toJS(this.contents, jsonArg ?? "", ctx);
    if (typeof onAnchor === "function")
      for (const { count, res: res2 } of ctx.anchors.values())
        onAnchor(res2, count);
    return typeof reviver === "function" ? applyReviver(reviver, { "": res }, "", res) : res;
  }
  /**
   * A JSON representation of the document `contents`.
   *
   * @param jsonArg Used by `JSON.stringify` to indicate the array index or
   *   property name.
   */
  toJSON(jsonArg, onAnchor) {
    return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
  }
  /** A YAML representation of the document. */
  toString(options = {}) {
    if (this.errors.length > 0)
      throw new Error("Document with errors cannot be stringified");
    if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
      const s = JSON.stringify(options.indent);
      throw new Error(`"indent" option must be a positive integer, not ${s}`);
    }
    return stringifyDocument(this, options);
  }
};
function assertCollection(contents) {
  if (isCollection(contents))
    return true;
  throw new Error("Expected a YAML collection as document contents");
}

// node_modules/yaml/browser/dist/errors.js
var YAMLError = class extends Error {
  constructor(name, pos, code, message) {
    super();
    this.name = name;
    this.code = code;
    this.message = message;
    this.pos = pos;
  }
};
var YAMLParseError = class extends YAMLError {
  constructor(pos, code, message) {
    super("YAMLParseError", pos, code, message);
  }
};
var YAMLWarning = class extends YAMLError {
  constructor(pos, code, message) {
    super("YAMLWarning", pos, code, message);
  }
};
var prettifyError = (src, lc) => (error) => {
  if (error.pos[0] === -1)
    return;
  error.linePos = error.pos.map((pos) => lc.linePos(pos));
  const { line, col } = error.linePos[0];
  error.message += ` at line ${line}, column ${col}`;
  let ci = col - 1;
  let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
  if (ci >= 60 && lineStr.length > 80) {
    const trimStart = Math.min(ci - 39, lineStr.length - 79);
    lineStr = "\u2026" + lineStr.substring(trimStart);
    ci -= trimStart - 1;
  }
  if (lineStr.length > 80)
    lineStr = lineStr.substring(0, 79) + "\u2026";
  if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
    let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
    if (prev.length > 80)
      prev = prev.substring(0, 79) + "\u2026\n";
    lineStr = prev + lineStr;
  }
  if (/[^ ]/.test(lineStr)) {
    let count = 1;
    const end = error.linePos[1];
    if (end?.line === line && end.col > col) {
      count = Math.max(1, Math.min(end.col - col, 80 - ci));
    }
    const pointer = " ".repeat(ci) + "^".repeat(count);
    error.message += `:

${lineStr}
${pointer}
`;
  }
};

// node_modules/yaml/browser/dist/compose/resolve-props.js
function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
  let spaceBefore = false;
  let atNewline = startOnNewline;
  let hasSpace = startOnNewline;
  let comment = "";
  let commentSep = "";
  let hasNewline = false;
  let reqSpace = false;
  let tab = null;
  let anchor = null;
  let tag = null;
  let newlineAfterProp = null;
  let comma = null;
  let found = null;
  let start = null;
  for (const token of tokens) {
    if (reqSpace) {
      if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
        onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      reqSpace = false;
    }
    if (tab) {
      if (atNewline && token.type !== "comment" && token.type !== "newline") {
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      }
      tab = null;
    }
    switch (token.type) {
      case "space":
        if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
          tab = token;
        }
        hasSpace = true;
        break;
      case "comment": {
        if (!hasSpace)
          onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
        const cb = token.source.substring(1) || " ";
        if (!comment)
          comment = cb;
        else
          comment += commentSep + cb;
        commentSep = "";
        atNewline = false;
        break;
      }
      case "newline":
        if (atNewline) {
          if (comment)
            comment += token.source;
          else if (!found || indicator !== "seq-item-ind")
            spaceBefore = true;
        } else
          commentSep += token.source;
        atNewline = true;
        hasNewline = true;
        if (anchor || tag)
          newlineAfterProp = token;
        hasSpace = true;
        break;
      case "anchor":
        if (anchor)
          onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
        if (token.source.endsWith(":"))
          onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
        anchor = token;
        start ?? (start = token.offset);
        atNewline = false;
        hasSpace = false;
        reqSpace = true;
        break;
      case "tag": {
        if (tag)
          onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
        tag = token;
        start ?? (start = token.offset);
        atNewline = false;
        hasSpace = false;
        reqSpace = true;
        break;
      }
      case indicator:
        if (anchor || tag)
          onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
        if (found)
          onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
        found = token;
        atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
        hasSpace = false;
        break;
      case "comma":
        if (flow) {
          if (comma)
            onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
          comma = token;
          atNewline = false;
          hasSpace = false;
          break;
        }
      // else fallthrough
      default:
        onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
        atNewline = false;
        hasSpace = false;
    }
  }
  const last = tokens[tokens.length - 1];
  const end = last ? last.offset + last.source.length : offset;
  if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
    onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
  }
  if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
    onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
  return {
    comma,
    found,
    spaceBefore,
    comment,
    hasNewline,
    anchor,
    tag,
    newlineAfterProp,
    end,
    start: start ?? end
  };
}

// node_modules/yaml/browser/dist/compose/util-contains-newline.js
function containsNewline(key) {
  if (!key)
    return null;
  switch (key.type) {
    case "alias":
    case "scalar":
    case "double-quoted-scalar":
    case "single-quoted-scalar":
      if (key.source.includes("\n"))
        return true;
      if (key.end) {
        for (const st of key.end)
          if (st.type === "newline")
            return true;
      }
      return false;
    case "flow-collection":
      for (const it of key.items) {
        for (const st of it.start)
          if (st.type === "newline")
            return true;
        if (it.sep) {
          for (const st of it.sep)
            if (st.type === "newline")
              return true;
        }
        if (containsNewline(it.key) || containsNewline(it.value))
          return true;
      }
      return false;
    default:
      return true;
  }
}

// node_modules/yaml/browser/dist/compose/util-flow-indent-check.js
function flowIndentCheck(indent, fc, onError) {
  if (fc?.type === "flow-collection") {
    const end = fc.end[0];
    if (end.indent === indent && (end.source === "]" || end.source === "}") && containsNewline(fc)) {
      const msg = "Flow end indicator should be more indented than parent";
      onError(end, "BAD_INDENT", msg, true);
    }
  }
}

// node_modules/yaml/browser/dist/compose/util-map-includes.js
function mapIncludes(ctx, items, search2) {
  const { uniqueKeys } = ctx.options;
  if (uniqueKeys === false)
    return false;
  const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || isScalar(a) && isScalar(b) && a.value === b.value;
  return items.some((pair) => isEqual(pair.key, search2));
}

// node_modules/yaml/browser/dist/compose/resolve-block-map.js
var startColMsg = "All mapping items must start at the same column";
function resolveBlockMap({ composeNode: composeNode2, composeEmptyNode: composeEmptyNode2 }, ctx, bm, onError, tag) {
  const NodeClass = tag?.nodeClass ?? YAMLMap;
  const map2 = new NodeClass(ctx.schema);
  if (ctx.atRoot)
    ctx.atRoot = false;
  let offset = bm.offset;
  let commentEnd = null;
  for (const collItem of bm.items) {
    const { start, key, sep: sep2, value } = collItem;
    const keyProps = resolveProps(start, {
      indicator: "explicit-key-ind",
      next: key ?? sep2?.[0],
      offset,
      onError,
      parentIndent: bm.indent,
      startOnNewline: true
    });
    const implicitKey = !keyProps.found;
    if (implicitKey) {
      if (key) {
        if (key.type === "block-seq")
          onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
        else if ("indent" in key && key.indent !== bm.indent)
          onError(offset, "BAD_INDENT", startColMsg);
      }
      if (!keyProps.anchor && !keyProps.tag && !sep2) {
        commentEnd = keyProps.end;
        if (keyProps.comment) {
          if (map2.comment)
            map2.comment += "\n" + keyProps.comment;
          else
            map2.comment = keyProps.comment;
        }
        continue;
      }
      if (keyProps.newlineAfterProp || containsNewline(key)) {
        onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
      }
    } else if (keyProps.found?.indent !== bm.indent) {
      onError(offset, "BAD_INDENT", startColMsg);
    }
    ctx.atKey = true;
    const keyStart = keyProps.end;
    const keyNode = key ? composeNode2(ctx, key, keyProps, onError) : composeEmptyNode2(ctx, keyStart, start, null, keyProps, onError);
    if (ctx.schema.compat)
      flowIndentCheck(bm.indent, key, onError);
    ctx.atKey = false;
    if (mapIncludes(ctx, map2.items, keyNode))
      onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
    const valueProps = resolveProps(sep2 ?? [], {
      indicator: "map-value-ind",
      next: value,
      offset: keyNode.range[2],
      onError,
      parentIndent: bm.indent,
      startOnNewline: !key || key.type === "block-scalar"
    });
    offset = valueProps.end;
    if (valueProps.found) {
      if (implicitKey) {
        if (value?.type === "block-map" && !valueProps.hasNewline)
          onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
        if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
          onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
      }
      const valueNode = value ? composeNode2(ctx, value, valueProps, onError) : composeEmptyNode2(ctx, offset, sep2, null, valueProps, onError);
      if (ctx.schema.compat)
        flowIndentCheck(bm.indent, value, onError);
      offset = valueNode.range[2];
      const pair = new Pair(keyNode, valueNode);
      if (ctx.options.keepSourceTokens)
        pair.srcToken = collItem;
      map2.items.push(pair);
    } else {
      if (implicitKey)
        onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
      if (valueProps.comment) {
        if (keyNode.comment)
          keyNode.comment += "\n" + valueProps.comment;
        else
          keyNode.comment = valueProps.comment;
      }
      const pair = new Pair(keyNode);
      if (ctx.options.keepSourceTokens)
        pair.srcToken = collItem;
      map2.items.push(pair);
    }
  }
  if (commentEnd && commentEnd < offset)
    onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
  map2.range = [bm.offset, offset, commentEnd ?? offset];
  return map2;
}

// node_modules/yaml/browser/dist/compose/resolve-block-seq.js
function resolveBlockSeq({ composeNode: composeNode2, composeEmptyNode: composeEmptyNode2 }, ctx, bs, onError, tag) {
  const NodeClass = tag?.nodeClass ?? YAMLSeq;
  const seq2 = new NodeClass(ctx.schema);
  if (ctx.atRoot)
    ctx.atRoot = false;
  if (ctx.atKey)
    ctx.atKey = false;
  let offset = bs.offset;
  let commentEnd = null;
  for (const { start, value } of bs.items) {
    const props = resolveProps(start, {
      indicator: "seq-item-ind",
      next: value,
      offset,
      onError,
      parentIndent: bs.indent,
      startOnNewline: true
    });
    if (!props.found) {
      if (props.anchor || props.tag || value) {
        if (value?.type === "block-seq")
          onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
        else
          onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
      } else {
        commentEnd = props.end;
        if (props.comment)
          seq2.comment = props.comment;
        continue;
      }
    }
    const node2 = value ? composeNode2(ctx, value, props, onError) : composeEmptyNode2(ctx, props.end, start, null, props, onError);
    if (ctx.schema.compat)
      flowIndentCheck(bs.indent, value, onError);
    offset = node2.range[2];
    seq2.items.push(node2);
  }
  seq2.range = [bs.offset, offset, commentEnd ?? offset];
  return seq2;
}

// node_modules/yaml/browser/dist/compose/resolve-end.js
function resolveEnd(end, offset, reqSpace, onError) {
  let comment = "";
  if (end) {
    let hasSpace = false;
    let sep2 = "";
    for (const token of end) {
      const { source, type } = token;
      switch (type) {
        case "space":
          hasSpace = true;
          break;
        case "comment": {
          if (reqSpace && !hasSpace)
            onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
          const cb = source.substring(1) || " ";
          if (!comment)
            comment = cb;
          else
            comment += sep2 + cb;
          sep2 = "";
          break;
        }
        case "newline":
          if (comment)
            sep2 += source;
          hasSpace = true;
          break;
        default:
          onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
      }
      offset += source.length;
    }
  }
  return { comment, offset };
}

// node_modules/yaml/browser/dist/compose/resolve-flow-collection.js
var blockMsg = "Block collections are not allowed within flow collections";
var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
function resolveFlowCollection({ composeNode: composeNode2, composeEmptyNode: composeEmptyNode2 }, ctx, fc, onError, tag) {
  const isMap2 = fc.start.source === "{";
  const fcName = isMap2 ? "flow map" : "flow sequence";
  const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap : YAMLSeq);
  const coll = new NodeClass(ctx.schema);
  coll.flow = true;
  const atRoot = ctx.atRoot;
  if (atRoot)
    ctx.atRoot = false;
  if (ctx.atKey)
    ctx.atKey = false;
  let offset = fc.offset + fc.start.source.length;
  for (let i = 0; i < fc.items.length; ++i) {
    const collItem = fc.items[i];
    const { start, key, sep: sep2, value } = collItem;
    const props = resolveProps(start, {
      flow: fcName,
      indicator: "explicit-key-ind",
      next: key ?? sep2?.[0],
      offset,
      onError,
      parentIndent: fc.indent,
      startOnNewline: false
    });
    if (!props.found) {
      if (!props.anchor && !props.tag && !sep2 && !value) {
        if (i === 0 && props.comma)
          onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        else if (i < fc.items.length - 1)
          onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
        if (props.comment) {
          if (coll.comment)
            coll.comment += "\n" + props.comment;
          else
            coll.comment = props.comment;
        }
        offset = props.end;
        continue;
      }
      if (!isMap2 && ctx.options.strict && containsNewline(key))
        onError(
          key,
          // checked by containsNewline()
          "MULTILINE_IMPLICIT_KEY",
          "Implicit keys of flow sequence pairs need to be on a single line"
        );
    }
    if (i === 0) {
      if (props.comma)
        onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
    } else {
      if (!props.comma)
        onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
      if (props.comment) {
        let prevItemComment = "";
        loop: for (const st of start) {
          switch (st.type) {
            case "comma":
            case "space":
              break;
            case "comment":
              prevItemComment = st.source.substring(1);
              break loop;
            default:
              break loop;
          }
        }
        if (prevItemComment) {
          let prev = coll.items[coll.items.length - 1];
          if (isPair(prev))
            prev = prev.value ?? prev.key;
          if (prev.comment)
            prev.comment += "\n" + prevItemComment;
          else
            prev.comment = prevItemComment;
          props.comment = props.comment.substring(prevItemComment.length + 1);
        }
      }
    }
    if (!isMap2 && !sep2 && !props.found) {
      const valueNode = value ? composeNode2(ctx, value, props, onError) : composeEmptyNode2(ctx, props.end, sep2, null, props, onError);
      coll.items.push(valueNode);
      offset = valueNode.range[2];
      if (isBlock(value))
        onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
    } else {
      ctx.atKey = true;
      const keyStart = props.end;
      const keyNode = key ? composeNode2(ctx, key, props, onError) : composeEmptyNode2(ctx, keyStart, start, null, props, onError);
      if (isBlock(key))
        onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
      ctx.atKey = false;
      const valueProps = resolveProps(sep2 ?? [], {
        flow: fcName,
        indicator: "map-value-ind",
        next: value,
        offset: keyNode.range[2],
        onError,
        parentIndent: fc.indent,
        startOnNewline: false
      });
      if (valueProps.found) {
        if (!isMap2 && !props.found && ctx.options.strict) {
          if (sep2)
            for (const st of sep2) {
              if (st === valueProps.found)
                break;
              if (st.type === "newline") {
                onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                break;
              }
            }
          if (props.start < valueProps.found.offset - 1024)
            onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
        }
      } else if (value) {
        if ("source" in value && value.source?.[0] === ":")
          onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
        else
          onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
      }
      const valueNode = value ? composeNode2(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode2(ctx, valueProps.end, sep2, null, valueProps, onError) : null;
      if (valueNode) {
        if (isBlock(value))
          onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
      } else if (valueProps.comment) {
        if (keyNode.comment)
          keyNode.comment += "\n" + valueProps.comment;
        else
          keyNode.comment = valueProps.comment;
      }
      const pair = new Pair(keyNode, valueNode);
      if (ctx.options.keepSourceTokens)
        pair.srcToken = collItem;
      if (isMap2) {
        const map2 = coll;
        if (mapIncludes(ctx, map2.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        map2.items.push(pair);
      } else {
        const map2 = new YAMLMap(ctx.schema);
        map2.flow = true;
        map2.items.push(pair);
        const endRange = (valueNode ?? keyNode).range;
        map2.range = [keyNode.range[0], endRange[1], endRange[2]];
        coll.items.push(map2);
      }
      offset = valueNode ? valueNode.range[2] : valueProps.end;
    }
  }
  const expectedEnd = isMap2 ? "}" : "]";
  const [ce, ...ee] = fc.end;
  let cePos = offset;
  if (ce?.source === expectedEnd)
    cePos = ce.offset + ce.source.length;
  else {
    const name = fcName[0].toUpperCase() + fcName.substring(1);
    const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
    onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
    if (ce && ce.source.length !== 1)
      ee.unshift(ce);
  }
  if (ee.length > 0) {
    const end = resolveEnd(ee, cePos, ctx.options.strict, onError);
    if (end.comment) {
      if (coll.comment)
        coll.comment += "\n" + end.comment;
      else
        coll.comment = end.comment;
    }
    coll.range = [fc.offset, cePos, end.offset];
  } else {
    coll.range = [fc.offset, cePos, cePos];
  }
  return coll;
}

// node_modules/yaml/browser/dist/compose/compose-collection.js
function resolveCollection(CN2, ctx, token, onError, tagName, tag) {
  const coll = token.type === "block-map" ? resolveBlockMap(CN2, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq(CN2, ctx, token, onError, tag) : resolveFlowCollection(CN2, ctx, token, onError, tag);
  const Coll = coll.constructor;
  if (tagName === "!" || tagName === Coll.tagName) {
    coll.tag = Coll.tagName;
    return coll;
  }
  if (tagName)
    coll.tag = tagName;
  return coll;
}
function composeCollection(CN2, ctx, token, props, onError) {
  const tagToken = props.tag;
  const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
  if (token.type === "block-seq") {
    const { anchor, newlineAfterProp: nl } = props;
    const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
    if (lastProp && (!nl || nl.offset < lastProp.offset)) {
      const message = "Missing newline after block sequence props";
      onError(lastProp, "MISSING_CHAR", message);
    }
  }
  const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
  if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.tagName && expType === "seq") {
    return resolveCollection(CN2, ctx, token, onError, tagName);
  }
  let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
  if (!tag) {
    const kt = ctx.schema.knownTags[tagName];
    if (kt?.collection === expType) {
      ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
      tag = kt;
    } else {
      if (kt) {
        onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
      } else {
        onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
      }
      return resolveCollection(CN2, ctx, token, onError, tagName);
    }
  }
  const coll = resolveCollection(CN2, ctx, token, onError, tagName, tag);
  const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
  const node2 = isNode(res) ? res : new Scalar(res);
  node2.range = coll.range;
  node2.tag = tagName;
  if (tag?.format)
    node2.format = tag.format;
  return node2;
}

// node_modules/yaml/browser/dist/compose/resolve-block-scalar.js
function resolveBlockScalar(ctx, scalar2, onError) {
  const start = scalar2.offset;
  const header = parseBlockScalarHeader(scalar2, ctx.options.strict, onError);
  if (!header)
    return { value: "", type: null, comment: "", range: [start, start, start] };
  const type = header.mode === ">" ? Scalar.BLOCK_FOLDED : Scalar.BLOCK_LITERAL;
  const lines = scalar2.source ? splitLines(scalar2.source) : [];
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    const content = lines[i][1];
    if (content === "" || content === "\r")
      chompStart = i;
    else
      break;
  }
  if (chompStart === 0) {
    const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
    let end2 = start + header.length;
    if (scalar2.source)
      end2 += scalar2.source.length;
    return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
  }
  let trimIndent = scalar2.indent + header.indent;
  let offset = scalar2.offset + header.length;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const [indent, content] = lines[i];
    if (content === "" || content === "\r") {
      if (header.indent === 0 && indent.length > trimIndent)
        trimIndent = indent.length;
    } else {
      if (indent.length < trimIndent) {
        const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
        onError(offset + indent.length, "MISSING_CHAR", message);
      }
      if (header.indent === 0)
        trimIndent = indent.length;
      contentStart = i;
      if (trimIndent === 0 && !ctx.atRoot) {
        const message = "Block scalar values in collections must be indented";
        onError(offset, "BAD_INDENT", message);
      }
      break;
    }
    offset += indent.length + content.length + 1;
  }
  for (let i = lines.length - 1; i >= chompStart; --i) {
    if (lines[i][0].length > trimIndent)
      chompStart = i + 1;
  }
  let value = "";
  let sep2 = "";
  let prevMoreIndented = false;
  for (let i = 0; i < contentStart; ++i)
    value += lines[i][0].slice(trimIndent) + "\n";
  for (let i = contentStart; i < chompStart; ++i) {
    let [indent, content] = lines[i];
    offset += indent.length + content.length + 1;
    const crlf = content[content.length - 1] === "\r";
    if (crlf)
      content = content.slice(0, -1);
    if (content && indent.length < trimIndent) {
      const src = header.indent ? "explicit indentation indicator" : "first line";
      const message = `Block scalar lines must not be less indented than their ${src}`;
      onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
      indent = "";
    }
    if (type === Scalar.BLOCK_LITERAL) {
      value += sep2 + indent.slice(trimIndent) + content;
      sep2 = "\n";
    } else if (indent.length > trimIndent || content[0] === "	") {
      if (sep2 === " ")
        sep2 = "\n";
      else if (!prevMoreIndented && sep2 === "\n")
        sep2 = "\n\n";
      value += sep2 + indent.slice(trimIndent) + content;
      sep2 = "\n";
      prevMoreIndented = true;
    } else if (content === "") {
      if (sep2 === "\n")
        value += "\n";
      else
        sep2 = "\n";
    } else {
      value += sep2 + content;
      sep2 = " ";
      prevMoreIndented = false;
    }
  }
  switch (header.chomp) {
    case "-":
      break;
    case "+":
      for (let i = chompStart; i < lines.length; ++i)
        value += "\n" + lines[i][0].slice(trimIndent);
      if (value[value.length - 1] !== "\n")
        value += "\n";
      break;
    default:
      value += "\n";
  }
  const end = start + header.length + scalar2.source.length;
  return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict2, onError) {
  if (props[0].type !== "block-scalar-header") {
    onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
    return null;
  }
  const { source } = props[0];
  const mode = source[0];
  let indent = 0;
  let chomp = "";
  let error = -1;
  for (let i = 1; i < source.length; ++i) {
    const ch = source[i];
    if (!chomp && (ch === "-" || ch === "+"))
      chomp = ch;
    else {
      const n = Number(ch);
      if (!indent && n)
        indent = n;
      else if (error === -1)
        error = offset + i;
    }
  }
  if (error !== -1)
    onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
  let hasSpace = false;
  let comment = "";
  let length2 = source.length;
  for (let i = 1; i < props.length; ++i) {
    const token = props[i];
    switch (token.type) {
      case "space":
        hasSpace = true;
      // fallthrough
      case "newline":
        length2 += token.source.length;
        break;
      case "comment":
        if (strict2 && !hasSpace) {
          const message = "Comments must be separated from other tokens by white space characters";
          onError(token, "MISSING_CHAR", message);
        }
        length2 += token.source.length;
        comment = token.source.substring(1);
        break;
      case "error":
        onError(token, "UNEXPECTED_TOKEN", token.message);
        length2 += token.source.length;
        break;
      /* istanbul ignore next should not happen */
      default: {
        const message = `Unexpected token in block scalar header: ${token.type}`;
        onError(token, "UNEXPECTED_TOKEN", message);
        const ts = token.source;
        if (ts && typeof ts === "string")
          length2 += ts.length;
      }
    }
  }
  return { mode, indent, chomp, comment, length: length2 };
}
function splitLines(source) {
  const split2 = source.split(/\n( *)/);
  const first = split2[0];
  const m = first.match(/^( *)/);
  const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
  const lines = [line0];
  for (let i = 1; i < split2.length; i += 2)
    lines.push([split2[i], split2[i + 1]]);
  return lines;
}

// node_modules/yaml/browser/dist/compose/resolve-flow-scalar.js
function resolveFlowScalar(scalar2, strict2, onError) {
  const { offset, type, source, end } = scalar2;
  let _type;
  let value;
  const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
  switch (type) {
    case "scalar":
      _type = Scalar.PLAIN;
      value = plainValue(source, _onError);
      break;
    case "single-quoted-scalar":
      _type = Scalar.QUOTE_SINGLE;
      value = singleQuotedValue(source, _onError);
      break;
    case "double-quoted-scalar":
      _type = Scalar.QUOTE_DOUBLE;
      value = doubleQuotedValue(source, _onError);
      break;
    /* istanbul ignore next should not happen */
    default:
      onError(scalar2, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
      return {
        value: "",
        type: null,
        comment: "",
        range: [offset, offset + source.length, offset + source.length]
      };
  }
  const valueEnd = offset + source.length;
  const re = resolveEnd(end, valueEnd, strict2, onError);
  return {
    value,
    type: _type,
    comment: re.comment,
    range: [offset, valueEnd, re.offset]
  };
}
function plainValue(source, onError) {
  let badChar = "";
  switch (source[0]) {
    /* istanbul ignore next should not happen */
    case "	":
      badChar = "a tab character";
      break;
    case ",":
      badChar = "flow indicator character ,";
      break;
    case "%":
      badChar = "directive indicator character %";
      break;
    case "|":
    case ">": {
      badChar = `block scalar indicator ${source[0]}`;
      break;
    }
    case "@":
    case "`": {
      badChar = `reserved character ${source[0]}`;
      break;
    }
  }
  if (badChar)
    onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
  return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
  if (source[source.length - 1] !== "'" || source.length === 1)
    onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
  return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
  const line = /(.*?)\r?\n/sy;
  let match = line.exec(source);
  if (!match)
    return source;
  let trimEnd, trimBoth;
  try {
    trimEnd = new RegExp("(?<![ 	])[ 	]+$");
    trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
  } catch {
    trimEnd = /[ \t]+$/;
    trimBoth = /^[ \t]+|[ \t]+$/g;
  }
  let res = match[1].replace(trimEnd, "");
  let sep2 = " ";
  let pos = line.lastIndex;
  while (match = line.exec(source)) {
    const lm = match[1].replace(trimBoth, "");
    if (lm === "") {
      if (sep2 === "\n")
        res += sep2;
      else
        sep2 = "\n";
    } else {
      res += sep2 + lm;
      sep2 = " ";
    }
    pos = line.lastIndex;
  }
  const last = /[ \t]*(.*)/sy;
  last.lastIndex = pos;
  match = last.exec(source);
  return res + sep2 + (match?.[1] ?? "");
}
function doubleQuotedValue(source, onError) {
  let res = "";
  for (let i = 1; i < source.length - 1; ++i) {
    const ch = source[i];
    if (ch === "\r" && source[i + 1] === "\n")
      continue;
    if (ch === "\n") {
      const { fold: fold2, offset } = foldNewline(source, i);
      res += fold2;
      i = offset;
    } else if (ch === "\\") {
      let next = source[++i];
      const cc = escapeCodes[next];
      if (cc)
        res += cc;
      else if (next === "\n") {
        next = source[i + 1];
        while (next === " " || next === "	")
          next = source[++i + 1];
      } else if (next === "\r" && source[i + 1] === "\n") {
        next = source[++i + 1];
        while (next === " " || next === "	")
          next = source[++i + 1];
      } else if (next === "x" || next === "u" || next === "U") {
        const length2 = next === "x" ? 2 : next === "u" ? 4 : 8;
        res += parseCharCode(source, i + 1, length2, onError);
        i += length2;
      } else {
        const raw = source.substr(i - 1, 2);
        onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        res += raw;
      }
    } else if (ch === " " || ch === "	") {
      const wsStart = i;
      let next = source[i + 1];
      while (next === " " || next === "	")
        next = source[++i + 1];
      if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
        res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
    } else {
      res += ch;
    }
  }
  if (source[source.length - 1] !== '"' || source.length === 1)
    onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
  return res;
}
function foldNewline(source, offset) {
  let fold2 = "";
  let ch = source[offset + 1];
  while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
    if (ch === "\r" && source[offset + 2] !== "\n")
      break;
    if (ch === "\n")
      fold2 += "\n";
    offset += 1;
    ch = source[offset + 1];
  }
  if (!fold2)
    fold2 = " ";
  return { fold: fold2, offset };
}
var escapeCodes = {
  "0": "\0",
  // null character
  a: "\x07",
  // bell character
  b: "\b",
  // backspace
  e: "\x1B",
  // escape character
  f: "\f",
  // form feed
  n: "\n",
  // line feed
  r: "\r",
  // carriage return
  t: "	",
  // horizontal tab
  v: "\v",
  // vertical tab
  N: "\x85",
  // Unicode next line
  _: "\xA0",
  // Unicode non-breaking space
  L: "\u2028",
  // Unicode line separator
  P: "\u2029",
  // Unicode paragraph separator
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  "	": "	"
};
function parseCharCode(source, offset, length2, onError) {
  const cc = source.substr(offset, length2);
  const ok = cc.length === length2 && /^[0-9a-fA-F]+$/.test(cc);
  const code = ok ? parseInt(cc, 16) : NaN;
  try {
    return String.fromCodePoint(code);
  } catch {
    const raw = source.substr(offset - 2, length2 + 2);
    onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
    return raw;
  }
}

// node_modules/yaml/browser/dist/compose/compose-scalar.js
function composeScalar(ctx, token, tagToken, onError) {
  const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar(ctx, token, onError) : resolveFlowScalar(token, ctx.options.strict, onError);
  const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
  let tag;
  if (ctx.options.stringKeys && ctx.atKey) {
    tag = ctx.schema[SCALAR];
  } else if (tagName)
    tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
  else if (token.type === "scalar")
    tag = findScalarTagByTest(ctx, value, token, onError);
  else
    tag = ctx.schema[SCALAR];
  let scalar2;
  try {
    const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
    scalar2 = isScalar(res) ? res : new Scalar(res);
  } catch (error) {
    const msg = error instanceof Error ? error.message : String(error);
    onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
    scalar2 = new Scalar(value);
  }
  scalar2.range = range;
  scalar2.source = value;
  if (type)
    scalar2.type = type;
  if (tagName)
    scalar2.tag = tagName;
  if (tag.format)
    scalar2.format = tag.format;
  if (comment)
    scalar2.comment = comment;
  return scalar2;
}
function findScalarTagByName(schema4, value, tagName, tagToken, onError) {
  if (tagName === "!")
    return schema4[SCALAR];
  const matchWithTest = [];
  for (const tag of schema4.tags) {
    if (!tag.collection && tag.tag === tagName) {
      if (tag.default && tag.test)
        matchWithTest.push(tag);
      else
        return tag;
    }
  }
  for (const tag of matchWithTest)
    if (tag.test?.test(value))
      return tag;
  const kt = schema4.knownTags[tagName];
  if (kt && !kt.collection) {
    schema4.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
    return kt;
  }
  onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
  return schema4[SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema: schema4 }, value, token, onError) {
  const tag = schema4.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema4[SCALAR];
  if (schema4.compat) {
    const compat = schema4.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema4[SCALAR];
    if (tag.tag !== compat.tag) {
      const ts = directives.tagString(tag.tag);
      const cs = directives.tagString(compat.tag);
      const msg = `Value may be parsed as either ${ts} or ${cs}`;
      onError(token, "TAG_RESOLVE_FAILED", msg, true);
    }
  }
  return tag;
}

// node_modules/yaml/browser/dist/compose/util-empty-scalar-position.js
function emptyScalarPosition(offset, before, pos) {
  if (before) {
    pos ?? (pos = before.length);
    for (let i = pos - 1; i >= 0; --i) {
      let st = before[i];
      switch (st.type) {
        case "space":
        case "comment":
        case "newline":
          offset -= st.source.length;
          continue;
      }
      st = before[++i];
      while (st?.type === "space") {
        offset += st.source.length;
        st = before[++i];
      }
      break;
    }
  }
  return offset;
}

// node_modules/yaml/browser/dist/compose/compose-node.js
var CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
  const atKey = ctx.atKey;
  const { spaceBefore, comment, anchor, tag } = props;
  let node2;
  let isSrcToken = true;
  switch (token.type) {
    case "alias":
      node2 = composeAlias(ctx, token, onError);
      if (anchor || tag)
        onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
      break;
    case "scalar":
    case "single-quoted-scalar":
    case "double-quoted-scalar":
    case "block-scalar":
      node2 = composeScalar(ctx, token, tag, onError);
      if (anchor)
        node2.anchor = anchor.source.substring(1);
      break;
    case "block-map":
    case "block-seq":
    case "flow-collection":
      try {
        node2 = composeCollection(CN, ctx, token, props, onError);
        if (anchor)
          node2.anchor = anchor.source.substring(1);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        onError(token, "RESOURCE_EXHAUSTION", message);
      }
      break;
    default: {
      const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
      onError(token, "UNEXPECTED_TOKEN", message);
      isSrcToken = false;
    }
  }
  node2 ?? (node2 = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
  if (anchor && node2.anchor === "")
    onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
  if (atKey && ctx.options.stringKeys && (!isScalar(node2) || typeof node2.value !== "string" || node2.tag && node2.tag !== "tag:yaml.org,2002:str")) {
    const msg = "With stringKeys, all keys must be strings";
    onError(tag ?? token, "NON_STRING_KEY", msg);
  }
  if (spaceBefore)
    node2.spaceBefore = true;
  if (comment) {
    if (token.type === "scalar" && token.source === "")
      node2.comment = comment;
    else
      node2.commentBefore = comment;
  }
  if (ctx.options.keepSourceTokens && isSrcToken)
    node2.srcToken = token;
  return node2;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
  const token = {
    type: "scalar",
    offset: emptyScalarPosition(offset, before, pos),
    indent: -1,
    source: ""
  };
  const node2 = composeScalar(ctx, token, tag, onError);
  if (anchor) {
    node2.anchor = anchor.source.substring(1);
    if (node2.anchor === "")
      onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
  }
  if (spaceBefore)
    node2.spaceBefore = true;
  if (comment) {
    node2.comment = comment;
    node2.range[2] = end;
  }
  return node2;
}
function composeAlias({ options }, { offset, source, end }, onError) {
  const alias = new Alias(source.substring(1));
  if (alias.source === "")
    onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
  if (alias.source.endsWith(":"))
    onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
  const valueEnd = offset + source.length;
  const re = resolveEnd(end, valueEnd, options.strict, onError);
  alias.range = [offset, valueEnd, re.offset];
  if (re.comment)
    alias.comment = re.comment;
  return alias;
}

// node_modules/yaml/browser/dist/compose/compose-doc.js
function composeDoc(options, directives, { offset, start, value, end }, onError) {
  const opts = Object.assign({ _directives: directives }, options);
  const doc = new Document(void 0, opts);
  const ctx = {
    atKey: false,
    atRoot: true,
    directives: doc.directives,
    options: doc.options,
    schema: doc.schema
  };
  const props = resolveProps(start, {
    indicator: "doc-start",
    next: value ?? end?.[0],
    offset,
    onError,
    parentIndent: 0,
    startOnNewline: true
  });
  if (props.found) {
    doc.directives.docStart = true;
    if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
      onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
  }
  doc.contents = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
  const contentEnd = doc.contents.range[2];
  const re = resolveEnd(end, contentEnd, false, onError);
  if (re.comment)
    doc.comment = re.comment;
  doc.range = [offset, contentEnd, re.offset];
  return doc;
}

// node_modules/yaml/browser/dist/compose/composer.js
function getErrorPos(src) {
  if (typeof src === "number")
    return [src, src + 1];
  if (Array.isArray(src))
    return src.length === 2 ? src : [src[0], src[1]];
  const { offset, source } = src;
  return [offset, offset + (typeof source === "string" ? source.length : 1)];
}
function parsePrelude(prelude) {
  let comment = "";
  let atComment = false;
  let afterEmptyLine = false;
  for (let i = 0; i < prelude.length; ++i) {
    const source = prelude[i];
    switch (source[0]) {
      case "#":
        comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
        atComment = true;
        afterEmptyLine = false;
        break;
      case "%":
        if (prelude[i + 1]?.[0] !== "#")
          i += 1;
        atComment = false;
        break;
      default:
        if (!atComment)
          afterEmptyLine = true;
        atComment = false;
    }
  }
  return { comment, afterEmptyLine };
}
var Composer = class {
  constructor(options = {}) {
    this.doc = null;
    this.atDirectives = false;
    this.prelude = [];
    this.errors = [];
    this.warnings = [];
    this.onError = (source, code, message, warning) => {
      const pos = getErrorPos(source);
      if (warning)
        this.warnings.push(new YAMLWarning(pos, code, message));
      else
        this.errors.push(new YAMLParseError(pos, code, message));
    };
    this.directives = new Directives({ version: options.version || "1.2" });
    this.options = options;
  }
  decorate(doc, afterDoc) {
    const { comment, afterEmptyLine } = parsePrelude(this.prelude);
    if (comment) {
      const dc = doc.contents;
      if (afterDoc) {
        doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
      } else if (afterEmptyLine || doc.directives.docStart || !dc) {
        doc.commentBefore = comment;
      } else if (isCollection(dc) && !dc.flow && dc.items.length > 0) {
        let it = dc.items[0];
        if (isPair(it))
          it = it.key;
        const cb = it.commentBefore;
        it.commentBefore = cb ? `${comment}
${cb}` : comment;
      } else {
        const cb = dc.commentBefore;
        dc.commentBefore = cb ? `${comment}
${cb}` : comment;
      }
    }
    if (afterDoc) {
      for (let i = 0; i < this.errors.length; ++i)
        doc.errors.push(this.errors[i]);
      for (let i = 0; i < this.warnings.length; ++i)
        doc.warnings.push(this.warnings[i]);
    } else {
      doc.errors = this.errors;
      doc.warnings = this.warnings;
    }
    this.prelude = [];
    this.errors = [];
    this.warnings = [];
  }
  /**
   * Current stream status information.
   *
   * Mostly useful at the end of input for an empty stream.
   */
  streamInfo() {
    return {
      comment: parsePrelude(this.prelude).comment,
      directives: this.directives,
      errors: this.errors,
      warnings: this.warnings
    };
  }
  /**
   * Compose tokens into documents.
   *
   * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
   * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
   */
  *compose(tokens, forceDoc = false, endOffset = -1) {
    for (const token of tokens)
      yield* this.next(token);
    yield* this.end(forceDoc, endOffset);
  }
  /** Advance the composer by one CST token. */
  *next(token) {
    switch (token.type) {
      case "directive":
        this.directives.add(token.source, (offset, message, warning) => {
          const pos = getErrorPos(token);
          pos[0] += offset;
          this.onError(pos, "BAD_DIRECTIVE", message, warning);
        });
        this.prelude.push(token.source);
        this.atDirectives = true;
        break;
      case "document": {
        const doc = composeDoc(this.options, this.directives, token, this.onError);
        if (this.atDirectives && !doc.directives.docStart)
          this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
        this.decorate(doc, false);
        if (this.doc)
          yield this.doc;
        this.doc = doc;
        this.atDirectives = false;
        break;
      }
      case "byte-order-mark":
      case "space":
        break;
      case "comment":
      case "newline":
        this.prelude.push(token.source);
        break;
      case "error": {
        const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
        const error = new YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
        if (this.atDirectives || !this.doc)
          this.errors.push(error);
        else
          this.doc.errors.push(error);
        break;
      }
      case "doc-end": {
        if (!this.doc) {
          const msg = "Unexpected doc-end without preceding document";
          this.errors.push(new YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
          break;
        }
        this.doc.directives.docEnd = true;
        const end = resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
        this.decorate(this.doc, true);
        if (end.comment) {
          const dc = this.doc.comment;
          this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
        }
        this.doc.range[2] = end.offset;
        break;
      }
      default:
        this.errors.push(new YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
    }
  }
  /**
   * Call at end of input to yield any remaining document.
   *
   * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
   * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
   */
  *end(forceDoc = false, endOffset = -1) {
    if (this.doc) {
      this.decorate(this.doc, true);
      yield this.doc;
      this.doc = null;
    } else if (forceDoc) {
      const opts = Object.assign({ _directives: this.directives }, this.options);
      const doc = new Document(void 0, opts);
      if (this.atDirectives)
        this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
      doc.range = [0, endOffset, endOffset];
      this.decorate(doc, false);
      yield doc;
    }
  }
};

// node_modules/yaml/browser/dist/parse/cst.js
var cst_exports = {};
__export(cst_exports, {
  BOM: () => BOM,
  DOCUMENT: () => DOCUMENT,
  FLOW_END: () => FLOW_END,
  SCALAR: () => SCALAR2,
  createScalarToken: () => createScalarToken,
  isCollection: () => isCollection2,
  isScalar: () => isScalar2,
  prettyToken: () => prettyToken,
  resolveAsScalar: () => resolveAsScalar,
  setScalarValue: () => setScalarValue,
  stringify: () => stringify2,
  tokenType: () => tokenType,
  visit: () => visit2
});

// node_modules/yaml/browser/dist/parse/cst-scalar.js
function resolveAsScalar(token, strict2 = true, onError) {
  if (token) {
    const _onError = (pos, code, message) => {
      const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
      if (onError)
        onError(offset, code, message);
      else
        throw new YAMLParseError([offset, offset + 1], code, message);
    };
    switch (token.type) {
      case "scalar":
      case "single-quoted-scalar":
      case "double-quoted-scalar":
        return resolveFlowScalar(token, strict2, _onError);
      case "block-scalar":
        return resolveBlockScalar({ options: { strict: strict2 } }, token, _onError);
    }
  }
  return null;
}
function createScalarToken(value, context2) {
  const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context2;
  const source = stringifyString({ type, value }, {
    implicitKey,
    indent: indent > 0 ? " ".repeat(indent) : "",
    inFlow,
    options: { blockQuote: true, lineWidth: -1 }
  });
  const end = context2.end ?? [
    { type: "newline", offset: -1, indent, source: "\n" }
  ];
  switch (source[0]) {
    case "|":
    case ">": {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      const props = [
        { type: "block-scalar-header", offset, indent, source: head }
      ];
      if (!addEndtoBlockProps(props, end))
        props.push({ type: "newline", offset: -1, indent, source: "\n" });
      return { type: "block-scalar", offset, indent, props, source: body };
    }
    case '"':
      return { type: "double-quoted-scalar", offset, indent, source, end };
    case "'":
      return { type: "single-quoted-scalar", offset, indent, source, end };
    default:
      return { type: "scalar", offset, indent, source, end };
  }
}
function setScalarValue(token, value, context2 = {}) {
  let { afterKey = false, implicitKey = false, inFlow = false, type } = context2;
  let indent = "indent" in token ? token.indent : null;
  if (afterKey && typeof indent === "number")
    indent += 2;
  if (!type)
    switch (token.type) {
      case "single-quoted-scalar":
        type = "QUOTE_SINGLE";
        break;
      case "double-quoted-scalar":
        type = "QUOTE_DOUBLE";
        break;
      case "block-scalar": {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
        break;
      }
      default:
        type = "PLAIN";
    }
  const source = stringifyString({ type, value }, {
    implicitKey: implicitKey || indent === null,
    indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
    inFlow,
    options: { blockQuote: true, lineWidth: -1 }
  });
  switch (source[0]) {
    case "|":
    case ">":
      setBlockScalarValue(token, source);
      break;
    case '"':
      setFlowScalarValue(token, source, "double-quoted-scalar");
      break;
    case "'":
      setFlowScalarValue(token, source, "single-quoted-scalar");
      break;
    default:
      setFlowScalarValue(token, source, "scalar");
  }
}
function setBlockScalarValue(token, source) {
  const he = source.indexOf("\n");
  const head = source.substring(0, he);
  const body = source.substring(he + 1) + "\n";
  if (token.type === "block-scalar") {
    const header = token.props[0];
    if (header.type !== "block-scalar-header")
      throw new Error("Invalid block scalar header");
    header.source = head;
    token.source = body;
  } else {
    const { offset } = token;
    const indent = "indent" in token ? token.indent : -1;
    const props = [
      { type: "block-scalar-header", offset, indent, source: head }
    ];
    if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
      props.push({ type: "newline", offset: -1, indent, source: "\n" });
    for (const key of Object.keys(token))
      if (key !== "type" && key !== "offset")
        delete token[key];
    Object.assign(token, { type: "block-scalar", indent, props, source: body });
  }
}
function addEndtoBlockProps(props, end) {
  if (end)
    for (const st of end)
      switch (st.type) {
        case "space":
        case "comment":
          props.push(st);
          break;
        case "newline":
          props.push(st);
          return true;
      }
  return false;
}
function setFlowScalarValue(token, source, type) {
  switch (token.type) {
    case "scalar":
    case "double-quoted-scalar":
    case "single-quoted-scalar":
      token.type = type;
      token.source = source;
      break;
    case "block-scalar": {
      const end = token.props.slice(1);
      let oa = source.length;
      if (token.props[0].type === "block-scalar-header")
        oa -= token.props[0].source.length;
      for (const tok of end)
        tok.offset += oa;
      delete token.props;
      Object.assign(token, { type, source, end });
      break;
    }
    case "block-map":
    case "block-seq": {
      const offset = token.offset + source.length;
      const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
      delete token.items;
      Object.assign(token, { type, source, end: [nl] });
      break;
    }
    default: {
      const indent = "indent" in token ? token.indent : -1;
      const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
      for (const key of Object.keys(token))
        if (key !== "type" && key !== "offset")
          delete token[key];
      Object.assign(token, { type, indent, source, end });
    }
  }
}

// node_modules/yaml/browser/dist/parse/cst-stringify.js
var stringify2 = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
  switch (token.type) {
    case "block-scalar": {
      let res = "";
      for (const tok of token.props)
        res += stringifyToken(tok);
      return res + token.source;
    }
    case "block-map":
    case "block-seq": {
      let res = "";
      for (const item of token.items)
        res += stringifyItem(item);
      return res;
    }
    case "flow-collection": {
      let res = token.start.source;
      for (const item of token.items)
        res += stringifyItem(item);
      for (const st of token.end)
        res += st.source;
      return res;
    }
    case "document": {
      let res = stringifyItem(token);
      if (token.end)
        for (const st of token.end)
          res += st.source;
      return res;
    }
    default: {
      let res = token.source;
      if ("end" in token && token.end)
        for (const st of token.end)
          res += st.source;
      return res;
    }
  }
}
function stringifyItem({ start, key, sep: sep2, value }) {
  let res = "";
  for (const st of start)
    res += st.source;
  if (key)
    res += stringifyToken(key);
  if (sep2)
    for (const st of sep2)
      res += st.source;
  if (value)
    res += stringifyToken(value);
  return res;
}

// node_modules/yaml/browser/dist/parse/cst-visit.js
var BREAK2 = /* @__PURE__ */ Symbol("break visit");
var SKIP2 = /* @__PURE__ */ Symbol("skip children");
var REMOVE2 = /* @__PURE__ */ Symbol("remove item");
function visit2(cst, visitor) {
  if ("type" in cst && cst.type === "document")
    cst = { start: cst.start, value: cst.value };
  _visit(Object.freeze([]), cst, visitor);
}
visit2.BREAK = BREAK2;
visit2.SKIP = SKIP2;
visit2.REMOVE = REMOVE2;
visit2.itemAtPath = (cst, path) => {
  let item = cst;
  for (const [field2, index2] of path) {
    const tok = item?.[field2];
    if (tok && "items" in tok) {
      item = tok.items[index2];
    } else
      return void 0;
  }
  return item;
};
visit2.parentCollection = (cst, path) => {
  const parent = visit2.itemAtPath(cst, path.slice(0, -1));
  const field2 = path[path.length - 1][0];
  const coll = parent?.[field2];
  if (coll && "items" in coll)
    return coll;
  throw new Error("Parent collection not found");
};
function _visit(path, item, visitor) {
  let ctrl = visitor(item, path);
  if (typeof ctrl === "symbol")
    return ctrl;
  for (const field2 of ["key", "value"]) {
    const token = item[field2];
    if (token && "items" in token) {
      for (let i = 0; i < token.items.length; ++i) {
        const ci = _visit(Object.freeze(path.concat([[field2, i]])), token.items[i], visitor);
        if (typeof ci === "number")
          i = ci - 1;
        else if (ci === BREAK2)
          return BREAK2;
        else if (ci === REMOVE2) {
          token.items.splice(i, 1);
          i -= 1;
        }
      }
      if (typeof ctrl === "function" && field2 === "key")
        ctrl = ctrl(item, path);
    }
  }
  return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
}

// node_modules/yaml/browser/dist/parse/cst.js
var BOM = "\uFEFF";
var DOCUMENT = "";
var FLOW_END = "";
var SCALAR2 = "";
var isCollection2 = (token) => !!token && "items" in token;
var isScalar2 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
function prettyToken(token) {
  switch (token) {
    case BOM:
      return "<BOM>";
    case DOCUMENT:
      return "<DOC>";
    case FLOW_END:
      return "<FLOW_END>";
    case SCALAR2:
      return "<SCALAR>";
    default:
      return JSON.stringify(token);
  }
}
function tokenType(source) {
  switch (source) {
    case BOM:
      return "byte-order-mark";
    case DOCUMENT:
      return "doc-mode";
    case FLOW_END:
      return "flow-error-end";
    case SCALAR2:
      return "scalar";
    case "---":
      return "doc-start";
    case "...":
      return "doc-end";
    case "":
    case "\n":
    case "\r\n":
      return "newline";
    case "-":
      return "seq-item-ind";
    case "?":
      return "explicit-key-ind";
    case ":":
      return "map-value-ind";
    case "{":
      return "flow-map-start";
    case "}":
      return "flow-map-end";
    case "[":
      return "flow-seq-start";
    case "]":
      return "flow-seq-end";
    case ",":
      return "comma";
  }
  switch (source[0]) {
    case " ":
    case "	":
      return "space";
    case "#":
      return "comment";
    case "%":
      return "directive-line";
    case "*":
      return "alias";
    case "&":
      return "anchor";
    case "!":
      return "tag";
    case "'":
      return "single-quoted-scalar";
    case '"':
      return "double-quoted-scalar";
    case "|":
    case ">":
      return "block-scalar-header";
  }
  return null;
}

// node_modules/yaml/browser/dist/parse/lexer.js
function isEmpty(ch) {
  switch (ch) {
    case void 0:
    case " ":
    case "\n":
    case "\r":
    case "	":
      return true;
    default:
      return false;
  }
}
var hexDigits = new Set("0123456789ABCDEFabcdef");
var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
var flowIndicatorChars = new Set(",[]{}");
var invalidAnchorChars = new Set(" ,[]{}\n\r	");
var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
var Lexer = class {
  constructor() {
    this.atEnd = false;
    this.blockScalarIndent = -1;
    this.blockScalarKeep = false;
    this.buffer = "";
    this.flowKey = false;
    this.flowLevel = 0;
    this.indentNext = 0;
    this.indentValue = 0;
    this.lineEndPos = null;
    this.next = null;
    this.pos = 0;
  }
  /**
   * Generate YAML tokens from the `source` string. If `incomplete`,
   * a part of the last line may be left as a buffer for the next call.
   *
   * @returns A generator of lexical tokens
   */
  *lex(source, incomplete = false) {
    if (source) {
      if (typeof source !== "string")
        throw TypeError("source is not a string");
      this.buffer = this.buffer ? this.buffer + source : source;
      this.lineEndPos = null;
    }
    this.atEnd = !incomplete;
    let next = this.next ?? "stream";
    while (next && (incomplete || this.hasChars(1)))
      next = yield* this.parseNext(next);
  }
  atLineEnd() {
    let i = this.pos;
    let ch = this.buffer[i];
    while (ch === " " || ch === "	")
      ch = this.buffer[++i];
    if (!ch || ch === "#" || ch === "\n")
      return true;
    if (ch === "\r")
      return this.buffer[i + 1] === "\n";
    return false;
  }
  charAt(n) {
    return this.buffer[this.pos + n];
  }
  continueScalar(offset) {
    let ch = this.buffer[offset];
    if (this.indentNext > 0) {
      let indent = 0;
      while (ch === " ")
        ch = this.buffer[++indent + offset];
      if (ch === "\r") {
        const next = this.buffer[indent + offset + 1];
        if (next === "\n" || !next && !this.atEnd)
          return offset + indent + 1;
      }
      return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
    }
    if (ch === "-" || ch === ".") {
      const dt = this.buffer.substr(offset, 3);
      if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
        return -1;
    }
    return offset;
  }
  getLine() {
    let end = this.lineEndPos;
    if (typeof end !== "number" || end !== -1 && end < this.pos) {
      end = this.buffer.indexOf("\n", this.pos);
      this.lineEndPos = end;
    }
    if (end === -1)
      return this.atEnd ? this.buffer.substring(this.pos) : null;
    if (this.buffer[end - 1] === "\r")
      end -= 1;
    return this.buffer.substring(this.pos, end);
  }
  hasChars(n) {
    return this.pos + n <= this.buffer.length;
  }
  setNext(state) {
    this.buffer = this.buffer.substring(this.pos);
    this.pos = 0;
    this.lineEndPos = null;
    this.next = state;
    return null;
  }
  peek(n) {
    return this.buffer.substr(this.pos, n);
  }
  *parseNext(next) {
    switch (next) {
      case "stream":
        return yield* this.parseStream();
      case "line-start":
        return yield* this.parseLineStart();
      case "block-start":
        return yield* this.parseBlockStart();
      case "doc":
        return yield* this.parseDocument();
      case "flow":
        return yield* this.parseFlowCollection();
      case "quoted-scalar":
        return yield* this.parseQuotedScalar();
      case "block-scalar":
        return yield* this.parseBlockScalar();
      case "plain-scalar":
        return yield* this.parsePlainScalar();
    }
  }
  *parseStream() {
    let line = this.getLine();
    if (line === null)
      return this.setNext("stream");
    if (line[0] === BOM) {
      yield* this.pushCount(1);
      line = line.substring(1);
    }
    if (line[0] === "%") {
      let dirEnd = line.length;
      let cs = line.indexOf("#");
      while (cs !== -1) {
        const ch = line[cs - 1];
        if (ch === " " || ch === "	") {
          dirEnd = cs - 1;
          break;
        } else {
          cs = line.indexOf("#", cs + 1);
        }
      }
      while (true) {
        const ch = line[dirEnd - 1];
        if (ch === " " || ch === "	")
          dirEnd -= 1;
        else
          break;
      }
      const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
      yield* this.pushCount(line.length - n);
      this.pushNewline();
      return "stream";
    }
    if (this.atLineEnd()) {
      const sp = yield* this.pushSpaces(true);
      yield* this.pushCount(line.length - sp);
      yield* this.pushNewline();
      return "stream";
    }
    yield DOCUMENT;
    return yield* this.parseLineStart();
  }
  *parseLineStart() {
    const ch = this.charAt(0);
    if (!ch && !this.atEnd)
      return this.setNext("line-start");
    if (ch === "-" || ch === ".") {
      if (!this.atEnd && !this.hasChars(4))
        return this.setNext("line-start");
      const s = this.peek(3);
      if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
        yield* this.pushCount(3);
        this.indentValue = 0;
        this.indentNext = 0;
        return s === "---" ? "doc" : "stream";
      }
    }
    this.indentValue = yield* this.pushSpaces(false);
    if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
      this.indentNext = this.indentValue;
    return yield* this.parseBlockStart();
  }
  *parseBlockStart() {
    const [ch0, ch1] = this.peek(2);
    if (!ch1 && !this.atEnd)
      return this.setNext("block-start");
    if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
      const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
      this.indentNext = this.indentValue + 1;
      this.indentValue += n;
      return "block-start";
    }
    return "doc";
  }
  *parseDocument() {
    yield* this.pushSpaces(true);
    const line = this.getLine();
    if (line === null)
      return this.setNext("doc");
    let n = yield* this.pushIndicators();
    switch (line[n]) {
      case "#":
        yield* this.pushCount(line.length - n);
      // fallthrough
      case void 0:
        yield* this.pushNewline();
        return yield* this.parseLineStart();
      case "{":
      case "[":
        yield* this.pushCount(1);
        this.flowKey = false;
        this.flowLevel = 1;
        return "flow";
      case "}":
      case "]":
        yield* this.pushCount(1);
        return "doc";
      case "*":
        yield* this.pushUntil(isNotAnchorChar);
        return "doc";
      case '"':
      case "'":
        return yield* this.parseQuotedScalar();
      case "|":
      case ">":
        n += yield* this.parseBlockScalarHeader();
        n += yield* this.pushSpaces(true);
        yield* this.pushCount(line.length - n);
        yield* this.pushNewline();
        return yield* this.parseBlockScalar();
      default:
        return yield* this.parsePlainScalar();
    }
  }
  *parseFlowCollection() {
    let nl, sp;
    let indent = -1;
    do {
      nl = yield* this.pushNewline();
      if (nl > 0) {
        sp = yield* this.pushSpaces(false);
        this.indentValue = indent = sp;
      } else {
        sp = 0;
      }
      sp += yield* this.pushSpaces(true);
    } while (nl + sp > 0);
    const line = this.getLine();
    if (line === null)
      return this.setNext("flow");
    if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
      const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
      if (!atFlowEndMarker) {
        this.flowLevel = 0;
        yield FLOW_END;
        return yield* this.parseLineStart();
      }
    }
    let n = 0;
    while (line[n] === ",") {
      n += yield* this.pushCount(1);
      n += yield* this.pushSpaces(true);
      this.flowKey = false;
    }
    n += yield* this.pushIndicators();
    switch (line[n]) {
      case void 0:
        return "flow";
      case "#":
        yield* this.pushCount(line.length - n);
        return "flow";
      case "{":
      case "[":
        yield* this.pushCount(1);
        this.flowKey = false;
        this.flowLevel += 1;
        return "flow";
      case "}":
      case "]":
        yield* this.pushCount(1);
        this.flowKey = true;
        this.flowLevel -= 1;
        return this.flowLevel ? "flow" : "doc";
      case "*":
        yield* this.pushUntil(isNotAnchorChar);
        return "flow";
      case '"':
      case "'":
        this.flowKey = true;
        return yield* this.parseQuotedScalar();
      case ":": {
        const next = this.charAt(1);
        if (this.flowKey || isEmpty(next) || next === ",") {
          this.flowKey = false;
          yield* this.pushCount(1);
          yield* this.pushSpaces(true);
          return "flow";
        }
      }
      // fallthrough
      default:
        this.flowKey = false;
        return yield* this.parsePlainScalar();
    }
  }
  *parseQuotedScalar() {
    const quote2 = this.charAt(0);
    let end = this.buffer.indexOf(quote2, this.pos + 1);
    if (quote2 === "'") {
      while (end !== -1 && this.buffer[end + 1] === "'")
        end = this.buffer.indexOf("'", end + 2);
    } else {
      while (end !== -1) {
        let n = 0;
        while (this.buffer[end - 1 - n] === "\\")
          n += 1;
        if (n % 2 === 0)
          break;
        end = this.buffer.indexOf('"', end + 1);
      }
    }
    const qb = this.buffer.substring(0, end);
    let nl = qb.indexOf("\n", this.pos);
    if (nl !== -1) {
      while (nl !== -1) {
        const cs = this.continueScalar(nl + 1);
        if (cs === -1)
          break;
        nl = qb.indexOf("\n", cs);
      }
      if (nl !== -1) {
        end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
      }
    }
    if (end === -1) {
      if (!this.atEnd)
        return this.setNext("quoted-scalar");
      end = this.buffer.length;
    }
    yield* this.pushToIndex(end + 1, false);
    return this.flowLevel ? "flow" : "doc";
  }
  *parseBlockScalarHeader() {
    this.blockScalarIndent = -1;
    this.blockScalarKeep = false;
    let i = this.pos;
    while (true) {
      const ch = this.buffer[++i];
      if (ch === "+")
        this.blockScalarKeep = true;
      else if (ch > "0" && ch <= "9")
        this.blockScalarIndent = Number(ch) - 1;
      else if (ch !== "-")
        break;
    }
    return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
  }
  *parseBlockScalar() {
    let nl = this.pos - 1;
    let indent = 0;
    let ch;
    loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
      switch (ch) {
        case " ":
          indent += 1;
          break;
        case "\n":
          nl = i2;
          indent = 0;
          break;
        case "\r": {
          const next = this.buffer[i2 + 1];
          if (!next && !this.atEnd)
            return this.setNext("block-scalar");
          if (next === "\n")
            break;
        }
        // fallthrough
        default:
          break loop;
      }
    }
    if (!ch && !this.atEnd)
      return this.setNext("block-scalar");
    if (indent >= this.indentNext) {
      if (this.blockScalarIndent === -1)
        this.indentNext = indent;
      else {
        this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
      }
      do {
        const cs = this.continueScalar(nl + 1);
        if (cs === -1)
          break;
        nl = this.buffer.indexOf("\n", cs);
      } while (nl !== -1);
      if (nl === -1) {
        if (!this.atEnd)
          return this.setNext("block-scalar");
        nl = this.buffer.length;
      }
    }
    let i = nl + 1;
    ch = this.buffer[i];
    while (ch === " ")
      ch = this.buffer[++i];
    if (ch === "	") {
      while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
        ch = this.buffer[++i];
      nl = i - 1;
    } else if (!this.blockScalarKeep) {
      do {
        let i2 = nl - 1;
        let ch2 = this.buffer[i2];
        if (ch2 === "\r")
          ch2 = this.buffer[--i2];
        const lastChar = i2;
        while (ch2 === " ")
          ch2 = this.buffer[--i2];
        if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
          nl = i2;
        else
          break;
      } while (true);
    }
    yield SCALAR2;
    yield* this.pushToIndex(nl + 1, true);
    return yield* this.parseLineStart();
  }
  *parsePlainScalar() {
    const inFlow = this.flowLevel > 0;
    let end = this.pos - 1;
    let i = this.pos - 1;
    let ch;
    while (ch = this.buffer[++i]) {
      if (ch === ":") {
        const next = this.buffer[i + 1];
        if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
          break;
        end = i;
      } else if (isEmpty(ch)) {
        let next = this.buffer[i + 1];
        if (ch === "\r") {
          if (next === "\n") {
            i += 1;
            ch = "\n";
            next = this.buffer[i + 1];
          } else
            end = i;
        }
        if (next === "#" || inFlow && flowIndicatorChars.has(next))
          break;
        if (ch === "\n") {
          const cs = this.continueScalar(i + 1);
          if (cs === -1)
            break;
          i = Math.max(i, cs - 2);
        }
      } else {
        if (inFlow && flowIndicatorChars.has(ch))
          break;
        end = i;
      }
    }
    if (!ch && !this.atEnd)
      return this.setNext("plain-scalar");
    yield SCALAR2;
    yield* this.pushToIndex(end + 1, true);
    return inFlow ? "flow" : "doc";
  }
  *pushCount(n) {
    if (n > 0) {
      yield this.buffer.substr(this.pos, n);
      this.pos += n;
      return n;
    }
    return 0;
  }
  *pushToIndex(i, allowEmpty) {
    const s = this.buffer.slice(this.pos, i);
    if (s) {
      yield s;
      this.pos += s.length;
      return s.length;
    } else if (allowEmpty)
      yield "";
    return 0;
  }
  *pushIndicators() {
    let n = 0;
    loop: while (true) {
      switch (this.charAt(0)) {
        case "!":
          n += yield* this.pushTag();
          n += yield* this.pushSpaces(true);
          continue loop;
        case "&":
          n += yield* this.pushUntil(isNotAnchorChar);
          n += yield* this.pushSpaces(true);
          continue loop;
        case "-":
        // this is an error
        case "?":
        // this is an error outside flow collections
        case ":": {
          const inFlow = this.flowLevel > 0;
          const ch1 = this.charAt(1);
          if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
            if (!inFlow)
              this.indentNext = this.indentValue + 1;
            else if (this.flowKey)
              this.flowKey = false;
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            continue loop;
          }
        }
      }
      break loop;
    }
    return n;
  }
  *pushTag() {
    if (this.charAt(1) === "<") {
      let i = this.pos + 2;
      let ch = this.buffer[i];
      while (!isEmpty(ch) && ch !== ">")
        ch = this.buffer[++i];
      return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
    } else {
      let i = this.pos + 1;
      let ch = this.buffer[i];
      while (ch) {
        if (tagChars.has(ch))
          ch = this.buffer[++i];
        else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
          ch = this.buffer[i += 3];
        } else
          break;
      }
      return yield* this.pushToIndex(i, false);
    }
  }
  *pushNewline() {
    const ch = this.buffer[this.pos];
    if (ch === "\n")
      return yield* this.pushCount(1);
    else if (ch === "\r" && this.charAt(1) === "\n")
      return yield* this.pushCount(2);
    else
      return 0;
  }
  *pushSpaces(allowTabs) {
    let i = this.pos - 1;
    let ch;
    do {
      ch = this.buffer[++i];
    } while (ch === " " || allowTabs && ch === "	");
    const n = i - this.pos;
    if (n > 0) {
      yield this.buffer.substr(this.pos, n);
      this.pos = i;
    }
    return n;
  }
  *pushUntil(test) {
    let i = this.pos;
    let ch = this.buffer[i];
    while (!test(ch))
      ch = this.buffer[++i];
    return yield* this.pushToIndex(i, false);
  }
};

// node_modules/yaml/browser/dist/parse/line-counter.js
var LineCounter = class {
  constructor() {
    this.lineStarts = [];
    this.addNewLine = (offset) => this.lineStarts.push(offset);
    this.linePos = (offset) => {
      let low = 0;
      let high = this.lineStarts.length;
      while (low < high) {
        const mid = low + high >> 1;
        if (this.lineStarts[mid] < offset)
          low = mid + 1;
        else
          high = mid;
      }
      if (this.lineStarts[low] === offset)
        return { line: low + 1, col: 1 };
      if (low === 0)
        return { line: 0, col: offset };
      const start = this.lineStarts[low - 1];
      return { line: low, col: offset - start + 1 };
    };
  }
};

// node_modules/yaml/browser/dist/parse/parser.js
function includesToken(list, type) {
  for (let i = 0; i < list.length; ++i)
    if (list[i].type === type)
      return true;
  return false;
}
function findNonEmptyIndex(list) {
  for (let i = 0; i < list.length; ++i) {
    switch (list[i].type) {
      case "space":
      case "comment":
      case "newline":
        break;
      default:
        return i;
    }
  }
  return -1;
}
function isFlowToken(token) {
  switch (token?.type) {
    case "alias":
    case "scalar":
    case "single-quoted-scalar":
    case "double-quoted-scalar":
    case "flow-collection":
      return true;
    default:
      return false;
  }
}
function getPrevProps(parent) {
  switch (parent.type) {
    case "document":
      return parent.start;
    case "block-map": {
      const it = parent.items[parent.items.length - 1];
      return it.sep ?? it.start;
    }
    case "block-seq":
      return parent.items[parent.items.length - 1].start;
    /* istanbul ignore next should not happen */
    default:
      return [];
  }
}
function getFirstKeyStartProps(prev) {
  if (prev.length === 0)
    return [];
  let i = prev.length;
  loop: while (--i >= 0) {
    switch (prev[i].type) {
      case "doc-start":
      case "explicit-key-ind":
      case "map-value-ind":
      case "seq-item-ind":
      case "newline":
        break loop;
    }
  }
  while (prev[++i]?.type === "space") {
  }
  return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
  if (source.length < 1e5)
    Array.prototype.push.apply(target, source);
  else
    for (let i = 0; i < source.length; ++i)
      target.push(source[i]);
}
function fixFlowSeqItems(fc) {
  if (fc.start.type === "flow-seq-start") {
    for (const it of fc.items) {
      if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
        if (it.key)
          it.value = it.key;
        delete it.key;
        if (isFlowToken(it.value)) {
          if (it.value.end)
            arrayPushArray(it.value.end, it.sep);
          else
            it.value.end = it.sep;
        } else
          arrayPushArray(it.start, it.sep);
        delete it.sep;
      }
    }
  }
}
var Parser2 = class {
  /**
   * @param onNewLine - If defined, called separately with the start position of
   *   each new line (in `parse()`, including the start of input).
   */
  constructor(onNewLine) {
    this.atNewLine = true;
    this.atScalar = false;
    this.indent = 0;
    this.offset = 0;
    this.onKeyLine = false;
    this.stack = [];
    this.source = "";
    this.type = "";
    this.lexer = new Lexer();
    this.onNewLine = onNewLine;
  }
  /**
   * Parse `source` as a YAML stream.
   * If `incomplete`, a part of the last line may be left as a buffer for the next call.
   *
   * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
   *
   * @returns A generator of tokens representing each directive, document, and other structure.
   */
  *parse(source, incomplete = false) {
    if (this.onNewLine && this.offset === 0)
      this.onNewLine(0);
    for (const lexeme of this.lexer.lex(source, incomplete))
      yield* this.next(lexeme);
    if (!incomplete)
      yield* this.end();
  }
  /**
   * Advance the parser by the `source` of one lexical token.
   */
  *next(source) {
    this.source = source;
    if (this.atScalar) {
      this.atScalar = false;
      yield* this.step();
      this.offset += source.length;
      return;
    }
    const type = tokenType(source);
    if (!type) {
      const message = `Not a YAML token: ${source}`;
      yield* this.pop({ type: "error", offset: this.offset, message, source });
      this.offset += source.length;
    } else if (type === "scalar") {
      this.atNewLine = false;
      this.atScalar = true;
      this.type = "scalar";
    } else {
      this.type = type;
      yield* this.step();
      switch (type) {
        case "newline":
          this.atNewLine = true;
          this.indent = 0;
          if (this.onNewLine)
            this.onNewLine(this.offset + source.length);
          break;
        case "space":
          if (this.atNewLine && source[0] === " ")
            this.indent += source.length;
          break;
        case "explicit-key-ind":
        case "map-value-ind":
        case "seq-item-ind":
          if (this.atNewLine)
            this.indent += source.length;
          break;
        case "doc-mode":
        case "flow-error-end":
          return;
        default:
          this.atNewLine = false;
      }
      this.offset += source.length;
    }
  }
  /** Call at end of input to push out any remaining constructions */
  *end() {
    while (this.stack.length > 0)
      yield* this.pop();
  }
  get sourceToken() {
    const st = {
      type: this.type,
      offset: this.offset,
      indent: this.indent,
      source: this.source
    };
    return st;
  }
  *step() {
    const top = this.peek(1);
    if (this.type === "doc-end" && top?.type !== "doc-end") {
      while (this.stack.length > 0)
        yield* this.pop();
      this.stack.push({
        type: "doc-end",
        offset: this.offset,
        source: this.source
      });
      return;
    }
    if (!top)
      return yield* this.stream();
    switch (top.type) {
      case "document":
        return yield* this.document(top);
      case "alias":
      case "scalar":
      case "single-quoted-scalar":
      case "double-quoted-scalar":
        return yield* this.scalar(top);
      case "block-scalar":
        return yield* this.blockScalar(top);
      case "block-map":
        return yield* this.blockMap(top);
      case "block-seq":
        return yield* this.blockSequence(top);
      case "flow-collection":
        return yield* this.flowCollection(top);
      case "doc-end":
        return yield* this.documentEnd(top);
    }
    yield* this.pop();
  }
  peek(n) {
    return this.stack[this.stack.length - n];
  }
  *pop(error) {
    const token = error ?? this.stack.pop();
    if (!token) {
      const message = "Tried to pop an empty stack";
      yield { type: "error", offset: this.offset, source: "", message };
    } else if (this.stack.length === 0) {
      yield token;
    } else {
      const top = this.peek(1);
      if (token.type === "block-scalar") {
        token.indent = "indent" in top ? top.indent : 0;
      } else if (token.type === "flow-collection" && top.type === "document") {
        token.indent = 0;
      }
      if (token.type === "flow-collection")
        fixFlowSeqItems(token);
      switch (top.type) {
        case "document":
          top.value = token;
          break;
        case "block-scalar":
          top.props.push(token);
          break;
        case "block-map": {
          const it = top.items[top.items.length - 1];
          if (it.value) {
            top.items.push({ start: [], key: token, sep: [] });
            this.onKeyLine = true;
            return;
          } else if (it.sep) {
            it.value = token;
          } else {
            Object.assign(it, { key: token, sep: [] });
            this.onKeyLine = !it.explicitKey;
            return;
          }
          break;
        }
        case "block-seq": {
          const it = top.items[top.items.length - 1];
          if (it.value)
            top.items.push({ start: [], value: token });
          else
            it.value = token;
          break;
        }
        case "flow-collection": {
          const it = top.items[top.items.length - 1];
          if (!it || it.value)
            top.items.push({ start: [], key: token, sep: [] });
          else if (it.sep)
            it.value = token;
          else
            Object.assign(it, { key: token, sep: [] });
          return;
        }
        /* istanbul ignore next should not happen */
        default:
          yield* this.pop();
          yield* this.pop(token);
      }
      if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
        const last = token.items[token.items.length - 1];
        if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
          if (top.type === "document")
            top.end = last.start;
          else
            top.items.push({ start: last.start });
          token.items.splice(-1, 1);
        }
      }
    }
  }
  *stream() {
    switch (this.type) {
      case "directive-line":
        yield { type: "directive", offset: this.offset, source: this.source };
        return;
      case "byte-order-mark":
      case "space":
      case "comment":
      case "newline":
        yield this.sourceToken;
        return;
      case "doc-mode":
      case "doc-start": {
        const doc = {
          type: "document",
          offset: this.offset,
          start: []
        };
        if (this.type === "doc-start")
          doc.start.push(this.sourceToken);
        this.stack.push(doc);
        return;
      }
    }
    yield {
      type: "error",
      offset: this.offset,
      message: `Unexpected ${this.type} token in YAML stream`,
      source: this.source
    };
  }
  *document(doc) {
    if (doc.value)
      return yield* this.lineEnd(doc);
    switch (this.type) {
      case "doc-start": {
        if (findNonEmptyIndex(doc.start) !== -1) {
          yield* this.pop();
          yield* this.step();
        } else
          doc.start.push(this.sourceToken);
        return;
      }
      case "anchor":
      case "tag":
      case "space":
      case "comment":
      case "newline":
        doc.start.push(this.sourceToken);
        return;
    }
    const bv = this.startBlockValue(doc);
    if (bv)
      this.stack.push(bv);
    else {
      yield {
        type: "error",
        offset: this.offset,
        message: `Unexpected ${this.type} token in YAML document`,
        source: this.source
      };
    }
  }
  *scalar(scalar2) {
    if (this.type === "map-value-ind") {
      const prev = getPrevProps(this.peek(2));
      const start = getFirstKeyStartProps(prev);
      let sep2;
      if (scalar2.end) {
        sep2 = scalar2.end;
        sep2.push(this.sourceToken);
        delete scalar2.end;
      } else
        sep2 = [this.sourceToken];
      const map2 = {
        type: "block-map",
        offset: scalar2.offset,
        indent: scalar2.indent,
        items: [{ start, key: scalar2, sep: sep2 }]
      };
      this.onKeyLine = true;
      this.stack[this.stack.length - 1] = map2;
    } else
      yield* this.lineEnd(scalar2);
  }
  *blockScalar(scalar2) {
    switch (this.type) {
      case "space":
      case "comment":
      case "newline":
        scalar2.props.push(this.sourceToken);
        return;
      case "scalar":
        scalar2.source = this.source;
        this.atNewLine = true;
        this.indent = 0;
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        yield* this.pop();
        break;
      /* istanbul ignore next should not happen */
      default:
        yield* this.pop();
        yield* this.step();
    }
  }
  *blockMap(map2) {
    const it = map2.items[map2.items.length - 1];
    switch (this.type) {
      case "newline":
        this.onKeyLine = false;
        if (it.value) {
          const end = "end" in it.value ? it.value.end : void 0;
          const last = Array.isArray(end) ? end[end.length - 1] : void 0;
          if (last?.type === "comment")
            end?.push(this.sourceToken);
          else
            map2.items.push({ start: [this.sourceToken] });
        } else if (it.sep) {
          it.sep.push(this.sourceToken);
        } else {
          it.start.push(this.sourceToken);
        }
        return;
      case "space":
      case "comment":
        if (it.value) {
          map2.items.push({ start: [this.sourceToken] });
        } else if (it.sep) {
          it.sep.push(this.sourceToken);
        } else {
          if (this.atIndentedComment(it.start, map2.indent)) {
            const prev = map2.items[map2.items.length - 2];
            const end = prev?.value?.end;
            if (Array.isArray(end)) {
              arrayPushArray(end, it.start);
              end.push(this.sourceToken);
              map2.items.pop();
              return;
            }
          }
          it.start.push(this.sourceToken);
        }
        return;
    }
    if (this.indent >= map2.indent) {
      const atMapIndent = !this.onKeyLine && this.indent === map2.indent;
      const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
      let start = [];
      if (atNextItem && it.sep && !it.value) {
        const nl = [];
        for (let i = 0; i < it.sep.length; ++i) {
          const st = it.sep[i];
          switch (st.type) {
            case "newline":
              nl.push(i);
              break;
            case "space":
              break;
            case "comment":
              if (st.indent > map2.indent)
                nl.length = 0;
              break;
            default:
              nl.length = 0;
          }
        }
        if (nl.length >= 2)
          start = it.sep.splice(nl[1]);
      }
      switch (this.type) {
        case "anchor":
        case "tag":
          if (atNextItem || it.value) {
            start.push(this.sourceToken);
            map2.items.push({ start });
            this.onKeyLine = true;
          } else if (it.sep) {
            it.sep.push(this.sourceToken);
          } else {
            it.start.push(this.sourceToken);
          }
          return;
        case "explicit-key-ind":
          if (!it.sep && !it.explicitKey) {
            it.start.push(this.sourceToken);
            it.explicitKey = true;
          } else if (atNextItem || it.value) {
            start.push(this.sourceToken);
            map2.items.push({ start, explicitKey: true });
          } else {
            this.stack.push({
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken], explicitKey: true }]
            });
          }
          this.onKeyLine = true;
          return;
        case "map-value-ind":
          if (it.explicitKey) {
            if (!it.sep) {
              if (includesToken(it.start, "newline")) {
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              } else {
                const start2 = getFirstKeyStartProps(it.start);
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                });
              }
            } else if (it.value) {
              map2.items.push({ start: [], key: null, sep: [this.sourceToken] });
            } else if (includesToken(it.sep, "map-value-ind")) {
              this.stack.push({
                type: "block-map",
                offset: this.offset,
                indent: this.indent,
                items: [{ start, key: null, sep: [this.sourceToken] }]
              });
            } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
              const start2 = getFirstKeyStartProps(it.start);
              const key = it.key;
              const sep2 = it.sep;
              sep2.push(this.sourceToken);
              delete it.key;
              delete it.sep;
              this.stack.push({
                type: "block-map",
                offset: this.offset,
                indent: this.indent,
                items: [{ start: start2, key, sep: sep2 }]
              });
            } else if (start.length > 0) {
              it.sep = it.sep.concat(start, this.sourceToken);
            } else {
              it.sep.push(this.sourceToken);
            }
          } else {
            if (!it.sep) {
              Object.assign(it, { key: null, sep: [this.sourceToken] });
            } else if (it.value || atNextItem) {
              map2.items.push({ start, key: null, sep: [this.sourceToken] });
            } else if (includesToken(it.sep, "map-value-ind")) {
              this.stack.push({
                type: "block-map",
                offset: this.offset,
                indent: this.indent,
                items: [{ start: [], key: null, sep: [this.sourceToken] }]
              });
            } else {
              it.sep.push(this.sourceToken);
            }
          }
          this.onKeyLine = true;
          return;
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar": {
          const fs = this.flowScalar(this.type);
          if (atNextItem || it.value) {
            map2.items.push({ start, key: fs, sep: [] });
            this.onKeyLine = true;
          } else if (it.sep) {
            this.stack.push(fs);
          } else {
            Object.assign(it, { key: fs, sep: [] });
            this.onKeyLine = true;
          }
          return;
        }
        default: {
          const bv = this.startBlockValue(map2);
          if (bv) {
            if (bv.type === "block-seq") {
              if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                yield* this.pop({
                  type: "error",
                  offset: this.offset,
                  message: "Unexpected block-seq-ind on same line with key",
                  source: this.source
                });
                return;
              }
            } else if (atMapIndent) {
              map2.items.push({ start });
            }
            this.stack.push(bv);
            return;
          }
        }
      }
    }
    yield* this.pop();
    yield* this.step();
  }
  *blockSequence(seq2) {
    const it = seq2.items[seq2.items.length - 1];
    switch (this.type) {
      case "newline":
        if (it.value) {
          const end = "end" in it.value ? it.value.end : void 0;
          const last = Array.isArray(end) ? end[end.length - 1] : void 0;
          if (last?.type === "comment")
            end?.push(this.sourceToken);
          else
            seq2.items.push({ start: [this.sourceToken] });
        } else
          it.start.push(this.sourceToken);
        return;
      case "space":
      case "comment":
        if (it.value)
          seq2.items.push({ start: [this.sourceToken] });
        else {
          if (this.atIndentedComment(it.start, seq2.indent)) {
            const prev = seq2.items[seq2.items.length - 2];
            const end = prev?.value?.end;
            if (Array.isArray(end)) {
              arrayPushArray(end, it.start);
              end.push(this.sourceToken);
              seq2.items.pop();
              return;
            }
          }
          it.start.push(this.sourceToken);
        }
        return;
      case "anchor":
      case "tag":
        if (it.value || this.indent <= seq2.indent)
          break;
        it.start.push(this.sourceToken);
        return;
      case "seq-item-ind":
        if (this.indent !== seq2.indent)
          break;
        if (it.value || includesToken(it.start, "seq-item-ind"))
          seq2.items.push({ start: [this.sourceToken] });
        else
          it.start.push(this.sourceToken);
        return;
    }
    if (this.indent > seq2.indent) {
      const bv = this.startBlockValue(seq2);
      if (bv) {
        this.stack.push(bv);
        return;
      }
    }
    yield* this.pop();
    yield* this.step();
  }
  *flowCollection(fc) {
    const it = fc.items[fc.items.length - 1];
    if (this.type === "flow-error-end") {
      let top;
      do {
        yield* this.pop();
        top = this.peek(1);
      } while (top?.type === "flow-collection");
    } else if (fc.end.length === 0) {
      switch (this.type) {
        case "comma":
        case "explicit-key-ind":
          if (!it || it.sep)
            fc.items.push({ start: [this.sourceToken] });
          else
            it.start.push(this.sourceToken);
          return;
        case "map-value-ind":
          if (!it || it.value)
            fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
          else if (it.sep)
            it.sep.push(this.sourceToken);
          else
            Object.assign(it, { key: null, sep: [this.sourceToken] });
          return;
        case "space":
        case "comment":
        case "newline":
        case "anchor":
        case "tag":
          if (!it || it.value)
            fc.items.push({ start: [this.sourceToken] });
          else if (it.sep)
            it.sep.push(this.sourceToken);
          else
            it.start.push(this.sourceToken);
          return;
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar": {
          const fs = this.flowScalar(this.type);
          if (!it || it.value)
            fc.items.push({ start: [], key: fs, sep: [] });
          else if (it.sep)
            this.stack.push(fs);
          else
            Object.assign(it, { key: fs, sep: [] });
          return;
        }
        case "flow-map-end":
        case "flow-seq-end":
          fc.end.push(this.sourceToken);
          return;
      }
      const bv = this.startBlockValue(fc);
      if (bv)
        this.stack.push(bv);
      else {
        yield* this.pop();
        yield* this.step();
      }
    } else {
      const parent = this.peek(2);
      if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
        yield* this.pop();
        yield* this.step();
      } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
        const prev = getPrevProps(parent);
        const start = getFirstKeyStartProps(prev);
        fixFlowSeqItems(fc);
        const sep2 = fc.end.splice(1, fc.end.length);
        sep2.push(this.sourceToken);
        const map2 = {
          type: "block-map",
          offset: fc.offset,
          indent: fc.indent,
          items: [{ start, key: fc, sep: sep2 }]
        };
        this.onKeyLine = true;
        this.stack[this.stack.length - 1] = map2;
      } else {
        yield* this.lineEnd(fc);
      }
    }
  }
  flowScalar(type) {
    if (this.onNewLine) {
      let nl = this.source.indexOf("\n") + 1;
      while (nl !== 0) {
        this.onNewLine(this.offset + nl);
        nl = this.source.indexOf("\n", nl) + 1;
      }
    }
    return {
      type,
      offset: this.offset,
      indent: this.indent,
      source: this.source
    };
  }
  startBlockValue(parent) {
    switch (this.type) {
      case "alias":
      case "scalar":
      case "single-quoted-scalar":
      case "double-quoted-scalar":
        return this.flowScalar(this.type);
      case "block-scalar-header":
        return {
          type: "block-scalar",
          offset: this.offset,
          indent: this.indent,
          props: [this.sourceToken],
          source: ""
        };
      case "flow-map-start":
      case "flow-seq-start":
        return {
          type: "flow-collection",
          offset: this.offset,
          indent: this.indent,
          start: this.sourceToken,
          items: [],
          end: []
        };
      case "seq-item-ind":
        return {
          type: "block-seq",
          offset: this.offset,
          indent: this.indent,
          items: [{ start: [this.sourceToken] }]
        };
      case "explicit-key-ind": {
        this.onKeyLine = true;
        const prev = getPrevProps(parent);
        const start = getFirstKeyStartProps(prev);
        start.push(this.sourceToken);
        return {
          type: "block-map",
          offset: this.offset,
          indent: this.indent,
          items: [{ start, explicitKey: true }]
        };
      }
      case "map-value-ind": {
        this.onKeyLine = true;
        const prev = getPrevProps(parent);
        const start = getFirstKeyStartProps(prev);
        return {
          type: "block-map",
          offset: this.offset,
          indent: this.indent,
          items: [{ start, key: null, sep: [this.sourceToken] }]
        };
      }
    }
    return null;
  }
  atIndentedComment(start, indent) {
    if (this.type !== "comment")
      return false;
    if (this.indent <= indent)
      return false;
    return start.every((st) => st.type === "newline" || st.type === "space");
  }
  *documentEnd(docEnd) {
    if (this.type !== "doc-mode") {
      if (docEnd.end)
        docEnd.end.push(this.sourceToken);
      else
        docEnd.end = [this.sourceToken];
      if (this.type === "newline")
        yield* this.pop();
    }
  }
  *lineEnd(token) {
    switch (this.type) {
      case "comma":
      case "doc-start":
      case "doc-end":
      case "flow-seq-end":
      case "flow-map-end":
      case "map-value-ind":
        yield* this.pop();
        yield* this.step();
        break;
      case "newline":
        this.onKeyLine = false;
      // fallthrough
      case "space":
      case "comment":
      default:
        if (token.end)
          token.end.push(this.sourceToken);
        else
          token.end = [this.sourceToken];
        if (this.type === "newline")
          yield* this.pop();
    }
  }
};

// node_modules/yaml/browser/dist/public-api.js
function parseOptions(options) {
  const prettyErrors = options.prettyErrors !== false;
  const lineCounter = options.lineCounter || prettyErrors && new LineCounter() || null;
  return { lineCounter, prettyErrors };
}
function parseAllDocuments(source, options = {}) {
  const { lineCounter, prettyErrors } = parseOptions(options);
  const parser = new Parser2(lineCounter?.addNewLine);
  const composer = new Composer(options);
  const docs = Array.from(composer.compose(parser.parse(source)));
  if (prettyErrors && lineCounter)
    for (const doc of docs) {
      doc.errors.forEach(prettifyError(source, lineCounter));
      doc.warnings.forEach(prettifyError(source, lineCounter));
    }
  if (docs.length > 0)
    return docs;
  return Object.assign([], { empty: true }, composer.streamInfo());
}
function parseDocument(source, options = {}) {
  const { lineCounter, prettyErrors } = parseOptions(options);
  const parser = new Parser2(lineCounter?.addNewLine);
  const composer = new Composer(options);
  let doc = null;
  for (const _doc of composer.compose(parser.parse(source), true, source.length)) {
    if (!doc)
      doc = _doc;
    else if (doc.options.logLevel !== "silent") {
      doc.errors.push(new YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
      break;
    }
  }
  if (prettyErrors && lineCounter) {
    doc.errors.forEach(prettifyError(source, lineCounter));
    doc.warnings.forEach(prettifyError(source, lineCounter));
  }
  return doc;
}

// src/text/line-index.ts
var LineIndex = class {
  #starts;
  #firstColumn;
  constructor(text2) {
    this.#firstColumn = firstColumn(text2);
    const starts = [0];
    if (!text2.includes("\r")) {
      for (let i = text2.indexOf("\n"); i >= 0; i = text2.indexOf("\n", i + 1)) starts.push(i + 1);
      this.#starts = Int32Array.from(starts);
      return;
    }
    for (let i = 0; i < text2.length; i++) {
      const c = text2.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text2.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.#starts = Int32Array.from(starts);
  }
  /** 1-based line of an offset. */
  lineAt(offset) {
    const starts = this.#starts;
    return Math.max(
      1,
      partitionPoint(starts.length, (i) => starts[i] <= offset)
    );
  }
  /** Offset where a 1-based line starts; undefined past the last line. */
  lineStart(line) {
    return this.#starts[line - 1];
  }
  /** Offset of a 1-based line's first column: its start, past a leading byte order mark on line 1; undefined past the last line. */
  columnStart(line) {
    return line === 1 ? this.#firstColumn : this.#starts[line - 1];
  }
  /** 1-based column (in UTF-16 units) of an offset; a leading byte order mark is no column. */
  columnAt(offset) {
    return Math.max(1, offset - this.columnStart(this.lineAt(offset)) + 1);
  }
};
function firstColumn(text2) {
  return text2.startsWith("\uFEFF") ? 1 : 0;
}
function lineBreaks(text2, start = 0, end = text2.length) {
  let count = 0;
  for (let i = start; i < end; i++) {
    const c = text2.charCodeAt(i);
    if (c === 10 || c === 13 && text2.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}
function lineAt(text2, offset) {
  return 1 + lineBreaks(text2, 0, offset);
}
function columnAt(text2, offset) {
  let start = offset;
  for (; start > 0; start--) {
    const c = text2.charCodeAt(start - 1);
    if (c === 10 || c === 13 && text2.charCodeAt(start) !== 10) break;
  }
  return Math.max(1, offset - (start === 0 ? firstColumn(text2) : start) + 1);
}

// src/yaml/node.ts
function isFlowScalar(node2) {
  return node2?.kind === "scalar" && node2.style !== "literal" && node2.style !== "folded";
}
function scalarText(node2) {
  return node2?.kind === "scalar" ? node2.text : void 0;
}
function mapValue(map2, key) {
  for (const pair of map2.pairs) if (pair.key.kind === "scalar" && pair.key.text === key) return pair.value;
  return void 0;
}
function nodeAt(root, path) {
  return path.reduce((node2, key) => {
    if (typeof key === "number") return node2?.kind === "seq" ? node2.items[key] : void 0;
    return node2?.kind === "map" ? mapValue(node2, key) : void 0;
  }, root);
}

// src/yaml/scalar-text.ts
function fold(lines) {
  let out = "";
  let breaks = 0;
  for (const line of lines) {
    if (line === "") {
      breaks++;
      continue;
    }
    out += breaks > 0 || out === "" ? "\n".repeat(breaks) : " ";
    out += line;
    breaks = 0;
  }
  return out;
}
var ESCAPES = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  t: "	",
  "	": "	",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  e: "\x1B",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "\x85",
  _: "\xA0",
  L: "\u2028",
  P: "\u2029"
};
var HEX_DIGITS = { x: 2, u: 4, U: 8 };
function unescapeDoubleQuoted(inner, map2) {
  let out = "";
  let from = 0;
  for (let i = inner.indexOf("\\"); i >= 0; i = inner.indexOf("\\", from)) {
    out += inner.slice(from, i);
    if (map2) for (let k = from; k < i; k++) map2.push(k);
    const e = inner[i + 1] ?? "";
    const digits = HEX_DIGITS[e];
    let escaped2;
    if (digits === void 0) {
      escaped2 = ESCAPES[e];
      from = i + 2;
    } else {
      const hex = inner.slice(i + 2, i + 2 + digits);
      const code = hex.length === digits && /^[0-9a-fA-F]+$/.test(hex) ? parseInt(hex, 16) : -1;
      if (code >= 0 && code <= 1114111 && !(code >= 55296 && code <= 57343)) escaped2 = String.fromCodePoint(code);
      from = i + 2 + digits;
    }
    if (escaped2 === void 0) return void 0;
    out += escaped2;
    if (map2) for (let k = 0; k < escaped2.length; k++) map2.push(i);
  }
  if (map2) {
    for (let k = from; k < inner.length; k++) map2.push(k);
    map2.push(inner.length);
  }
  return from === 0 ? inner : out + inner.slice(from);
}
function readDoubleQuoted(text2) {
  return text2.replace(/"((?:[^"\\]|\\[\s\S])*)"/g, (scalar2, inner) => {
    if (!inner.includes("\\")) return scalar2;
    const joined2 = inner.replace(/\\\r?\n[ \t]*|\\[\s\S]|[ \t]*\r?\n[ \t]*/g, (part) => part.startsWith("\\") ? /^\\\r?\n/.test(part) ? "" : part : " ");
    const read = unescapeDoubleQuoted(joined2);
    return read === void 0 || /["\\\r\n]/.test(read) ? scalar2 : `"${read}"`;
  });
}
function decodeDoubleQuoted(source) {
  const map2 = [];
  const text2 = unescapeDoubleQuoted(source.slice(1, -1), map2);
  return text2 === void 0 ? void 0 : { text: text2, map: map2.map((at) => at + 1) };
}

// src/yaml/subset.ts
var OutsideSubset = class extends Error {
};
var OUTSIDE = new OutsideSubset("outside the YAML subset");
function parseSubset(text2) {
  try {
    return new SubsetParser(text2).documents();
  } catch (error) {
    if (error === OUTSIDE) return void 0;
    throw error;
  }
}
var TAB = 9;
var LF = 10;
var CR = 13;
var SPACE = 32;
var DQUOTE = 34;
var HASH = 35;
var PERCENT = 37;
var SQUOTE = 39;
var COMMA = 44;
var DASH = 45;
var DOT2 = 46;
var COLON = 58;
var PLUS = 43;
var GT = 62;
var LBRACKET = 91;
var BACKSLASH = 92;
var RBRACKET = 93;
var LBRACE = 123;
var PIPE = 124;
var RBRACE = 125;
var INDICATOR = new Uint8Array(128);
for (const ch of "?:,[]{}#&*!|>'\"%@`") INDICATOR[ch.charCodeAt(0)] = 1;
var FLOW_END2 = new Uint8Array(128);
for (const ch of ",[]{}") FLOW_END2[ch.charCodeAt(0)] = 1;
var NON_STRING_KEY = /^(?:~$|(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$|[-+]?\.?[0-9]|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))/;
var NON_STRING_START = new Uint8Array(128);
for (const ch of "~nNtTfF+-.0123456789") NON_STRING_START[ch.charCodeAt(0)] = 1;
var FEW_KEYS = 16;
var MAX_KEY = 1024;
var MAX_DEPTH = 200;
var isBlank = (c) => c === SPACE || c === TAB;
var isControl = (c) => c < SPACE && c !== TAB || c === 127 || c === 65279;
function isNonStringKey(source) {
  const c = source.charCodeAt(0);
  return c < 128 && NON_STRING_START[c] === 1 && NON_STRING_KEY.test(source);
}
function addKey(pairs2, keys, key) {
  if (keys === void 0 && pairs2.length < FEW_KEYS) {
    for (const pair of pairs2) if (pair.key.text === key) throw OUTSIDE;
    return void 0;
  }
  const all = keys ?? new Set(pairs2.map((pair) => pair.key.text));
  if (all.has(key)) throw OUTSIDE;
  return all.add(key);
}
var SubsetParser = class {
  constructor(text2) {
    this.text = text2;
    this.length = text2.length;
  }
  text;
  length;
  /** The current content line: where it starts, its first non-space character, its indentation (-1 at `---` or the end). */
  lineStart = 0;
  content = 0;
  indent = 0;
  /** True when the current line is a document start marker `---`. */
  marker = false;
  /** Collections open around the current position. */
  depth = 0;
  documents() {
    const { text: text2 } = this;
    if (text2.includes("\uFEFF")) throw OUTSIDE;
    for (let cr = text2.indexOf("\r"); cr >= 0; cr = text2.indexOf("\r", cr + 1)) if (text2.charCodeAt(cr + 1) !== LF) throw OUTSIDE;
    const documents2 = [];
    let pendingEmpty = -1;
    this.seekContent(0);
    while (this.content < this.length) {
      if (this.marker) {
        if (pendingEmpty >= 0) documents2.push(emptyScalar(pendingEmpty));
        const after = this.skipBlanks(this.content + 3);
        if (!this.atLineEnd(after) && text2.charCodeAt(after) !== HASH) throw OUTSIDE;
        pendingEmpty = after;
        this.seekContent(this.endOfLine(after));
        continue;
      }
      if (this.indent !== 0) throw OUTSIDE;
      const c = text2.charCodeAt(this.content);
      if (c === PERCENT || c === DOT2 && text2.startsWith("...", this.content)) throw OUTSIDE;
      documents2.push(this.blockNode(-1));
      pendingEmpty = -1;
      if (this.content < this.length && !this.marker) throw OUTSIDE;
    }
    if (pendingEmpty >= 0) documents2.push(emptyScalar(pendingEmpty));
    return documents2;
  }
  /** Moves to the first line at or after `from` with content (not blank, not only a comment). */
  seekContent(from) {
    const { text: text2, length: length2 } = this;
    let i = from;
    while (i < length2) {
      const start = i;
      while (i < length2 && text2.charCodeAt(i) === SPACE) i++;
      const c = text2.charCodeAt(i);
      if (c === HASH || c === LF || c === CR) {
        i = this.endOfLine(i);
      } else if (c === TAB) {
        throw OUTSIDE;
      } else if (i < length2) {
        if (c === DOT2 && i === start && text2.startsWith("...", i) && (this.atLineEnd(i + 3) || isBlank(text2.charCodeAt(i + 3)))) throw OUTSIDE;
        this.lineStart = start;
        this.content = i;
        this.marker = i === start && c === DASH && text2.startsWith("---", i) && (this.atLineEnd(i + 3) || isBlank(text2.charCodeAt(i + 3)));
        this.indent = this.marker ? -1 : i - start;
        return;
      }
    }
    this.lineStart = this.content = length2;
    this.indent = -1;
    this.marker = false;
  }
  /** The offset after the line break of the line holding `i` (the text's length on the last line). */
  endOfLine(i) {
    const lf = this.text.indexOf("\n", i);
    return lf < 0 ? this.length : lf + 1;
  }
  /** Opens a collection; nesting deeper than real files do is left to the yaml package (and its limits). */
  enter() {
    if (++this.depth > MAX_DEPTH) throw OUTSIDE;
  }
  /** True at a line break (`\n`, `\r\n`: a lone `\r` was refused up front) or the end of the text. */
  atLineEnd(i) {
    if (i >= this.length) return true;
    const c = this.text.charCodeAt(i);
    return c === LF || c === CR;
  }
  skipBlanks(i) {
    while (i < this.length && isBlank(this.text.charCodeAt(i))) i++;
    return i;
  }
  /** True when the content at `i` is a sequence entry indicator `-`. */
  isEntry(i) {
    return this.text.charCodeAt(i) === DASH && (this.atLineEnd(i + 1) || isBlank(this.text.charCodeAt(i + 1)));
  }
  /** A block collection opening the current line, nested deeper than `parent`. */
  blockNode(parent) {
    if (this.indent <= parent) throw OUTSIDE;
    if (this.isEntry(this.content)) return this.blockSequence();
    const colon = this.keyEnd(this.content);
    if (colon < 0) throw OUTSIDE;
    return this.blockMapping(this.content, colon);
  }
  blockSequence() {
    this.enter();
    const { text: text2 } = this;
    const indent = this.indent;
    const items = [];
    const start = this.content;
    for (; ; ) {
      let at = this.content + 1;
      while (text2.charCodeAt(at) === SPACE) at++;
      if (text2.charCodeAt(at) === TAB) throw OUTSIDE;
      let item;
      if (this.atLineEnd(at) || text2.charCodeAt(at) === HASH) {
        this.seekContent(this.endOfLine(at));
        item = this.indent > indent ? this.blockNode(indent) : emptyScalar(at);
      } else if (this.isEntry(at)) {
        throw OUTSIDE;
      } else {
        const colon = this.keyEnd(at);
        if (colon >= 0) {
          item = this.blockMapping(at, colon);
        } else {
          item = this.lineValue(at, indent);
          if (this.indent > indent) throw OUTSIDE;
        }
      }
      items.push(item);
      if (this.indent !== indent || !this.isEntry(this.content)) break;
    }
    if (this.indent > indent) throw OUTSIDE;
    this.depth--;
    return { kind: "seq", flow: false, start, end: items[items.length - 1].end, items };
  }
  /** A block mapping whose first key is at `first` (on the current line, maybe after `- `), its `:` at `colon` (keyEnd). */
  blockMapping(first, firstColon) {
    this.enter();
    const { text: text2 } = this;
    const indent = first - this.lineStart;
    const pairs2 = [];
    let keys;
    let at = first;
    let colon = firstColon;
    for (; ; ) {
      const key = this.key(at, colon);
      keys = addKey(pairs2, keys, key.text);
      const after = this.skipBlanks(colon + 1);
      let value;
      if (this.atLineEnd(after) || text2.charCodeAt(after) === HASH) {
        this.seekContent(this.endOfLine(after));
        if (this.indent > indent) value = this.blockNode(indent);
        else if (this.indent === indent && this.isEntry(this.content)) value = this.blockSequence();
        else value = emptyScalar(after);
      } else {
        value = this.lineValue(after, indent);
      }
      pairs2.push({ key, value });
      if (this.indent !== indent) break;
      at = this.content;
      colon = this.keyEnd(at);
      if (colon < 0) throw OUTSIDE;
    }
    if (this.indent > indent) throw OUTSIDE;
    this.depth--;
    return { kind: "map", flow: false, start: first, end: pairs2[pairs2.length - 1].value.end, pairs: pairs2 };
  }
  /**
   * The offset of the `:` that ends an implicit key starting at `i`, or -1 when the line
   * from `i` is not `key: ...` (a scalar, or something outside the subset).
   */
  keyEnd(i) {
    const { text: text2 } = this;
    const c = text2.charCodeAt(i);
    if (c === DQUOTE || c === SQUOTE) {
      const colon = this.skipBlanks(this.quotedEnd(i));
      return this.isValueIndicator(colon) ? colon : -1;
    }
    if (c < 128 && (INDICATOR[c] === 1 || c === DASH)) return -1;
    for (let j = i + 1; j < this.length; j++) {
      const d = text2.charCodeAt(j);
      if (d === COLON) {
        const e = text2.charCodeAt(j + 1);
        if (j + 1 === this.length || e === SPACE || e === TAB || e === LF || e === CR) return j;
      } else if (d === LF || d === CR || d === HASH && isBlank(text2.charCodeAt(j - 1)) || isControl(d)) {
        return -1;
      }
    }
    return -1;
  }
  /** True at a `:` that separates a key from its value (a blank or the line's end follows). */
  isValueIndicator(i) {
    return this.text.charCodeAt(i) === COLON && (this.atLineEnd(i + 1) || isBlank(this.text.charCodeAt(i + 1)));
  }
  /** The key scalar from `i` to its `:` at `colon`; a possibly non-string key is outside the subset. */
  key(i, colon) {
    const { text: text2 } = this;
    const c = text2.charCodeAt(i);
    let key;
    if (c === DQUOTE || c === SQUOTE) {
      key = this.quoted(i);
    } else {
      let end = colon;
      while (isBlank(text2.charCodeAt(end - 1))) end--;
      const source = text2.slice(i, end);
      if (isNonStringKey(source)) throw OUTSIDE;
      key = scalar(source, "plain", i, end);
    }
    if (colon - i > MAX_KEY) throw OUTSIDE;
    return key;
  }
  /**
   * A value that ends its line (a plain or quoted scalar, a flow collection), then an
   * optional comment; moves to the next content line.
   */
  lineValue(i, indent) {
    const { text: text2 } = this;
    const c = text2.charCodeAt(i);
    if (c === PIPE || c === GT) return this.blockScalar(i, indent);
    let node2;
    if (c === DQUOTE || c === SQUOTE) node2 = this.quoted(i);
    else if (c === LBRACKET || c === LBRACE) node2 = this.flowCollection(i);
    else node2 = this.plainLine(i);
    const end = node2.end;
    const after = this.skipBlanks(end);
    if (!this.atLineEnd(after) && (text2.charCodeAt(after) !== HASH || after === end)) throw OUTSIDE;
    this.seekContent(this.endOfLine(after));
    return node2;
  }
  /**
   * A literal (`|`) or folded (`>`) block scalar whose header is at `i`, its content
   * indented deeper than `parent`; moves to the next content line after it. Outside the
   * subset: indentation indicators, a header with nothing below, more-indented lines of a
   * folded scalar, spaces beyond the indentation on an empty line, a missing last line break.
   */
  blockScalar(i, parent) {
    const { text: text2 } = this;
    const style = text2.charCodeAt(i) === PIPE ? "literal" : "folded";
    let at = i + 1;
    const chomp = text2.charCodeAt(at);
    if (chomp === DASH || chomp === PLUS) at++;
    const afterHeader = this.skipBlanks(at);
    if (!this.atLineEnd(afterHeader) && (text2.charCodeAt(afterHeader) !== HASH || afterHeader === at)) throw OUTSIDE;
    const lines = [];
    let indent = -1;
    let lineStart = this.endOfLine(afterHeader);
    if (lineStart >= this.length) throw OUTSIDE;
    let contentEnd = lineStart;
    let contentLines = 0;
    while (lineStart < this.length) {
      let j = lineStart;
      while (text2.charCodeAt(j) === SPACE) j++;
      const lineEnd = this.endOfLine(j);
      if (lineEnd === this.length && text2.charCodeAt(lineEnd - 1) !== LF) throw OUTSIDE;
      const empty = this.atLineEnd(j);
      if (!empty && indent < 0) {
        indent = j - lineStart;
        if (indent <= parent) break;
      }
      if (!empty && j - lineStart < indent) break;
      if (empty && j - lineStart > (indent < 0 ? parent + 1 : indent)) throw OUTSIDE;
      const content = empty ? "" : text2.slice(lineStart + indent, lineEnd - (text2.charCodeAt(lineEnd - 2) === CR ? 2 : 1));
      if (style === "folded" && (content.charCodeAt(0) === SPACE || content.charCodeAt(0) === TAB)) throw OUTSIDE;
      lines.push(content);
      if (!empty) {
        contentEnd = lineEnd;
        contentLines = lines.length;
      }
      lineStart = lineEnd;
    }
    if (contentLines === 0) throw OUTSIDE;
    const body = lines.slice(0, contentLines);
    let value = style === "literal" ? body.join("\n") : fold(body);
    if (chomp === PLUS) value += "\n".repeat(1 + lines.length - contentLines);
    else if (chomp !== DASH) value += "\n";
    const end = chomp === PLUS ? lineStart : contentEnd;
    this.seekContent(end);
    return scalar(value, style, i, end);
  }
  /** A plain scalar running to the end of its line or to a comment. */
  plainLine(i) {
    const { text: text2 } = this;
    const c = text2.charCodeAt(i);
    if (c < 128 && INDICATOR[c] === 1 || c === DASH && (this.atLineEnd(i + 1) || isBlank(text2.charCodeAt(i + 1)))) throw OUTSIDE;
    let j = i;
    let end = i;
    for (; j < this.length; j++) {
      const d = text2.charCodeAt(j);
      if (d === LF || d === CR) break;
      if (isBlank(d)) {
        if (text2.charCodeAt(j + 1) === HASH) break;
        continue;
      }
      if (d === COLON && (j + 1 >= this.length || isBlank(text2.charCodeAt(j + 1)) || text2.charCodeAt(j + 1) === LF || text2.charCodeAt(j + 1) === CR)) {
        throw OUTSIDE;
      }
      if (isControl(d)) throw OUTSIDE;
      end = j + 1;
    }
    return scalar(text2.slice(i, end), "plain", i, end);
  }
  /** The offset after the closing quote of a one-line quoted scalar at `i`. */
  quotedEnd(i) {
    const { text: text2 } = this;
    const quote2 = text2.charCodeAt(i);
    for (let j = i + 1; j < this.length; j++) {
      const d = text2.charCodeAt(j);
      if (d === LF || d === CR || isControl(d)) throw OUTSIDE;
      if (quote2 === DQUOTE && d === BACKSLASH) {
        j++;
        continue;
      }
      if (d === quote2) {
        if (quote2 === SQUOTE && text2.charCodeAt(j + 1) === SQUOTE) {
          j++;
          continue;
        }
        return j + 1;
      }
    }
    throw OUTSIDE;
  }
  quoted(i) {
    const end = this.quotedEnd(i);
    const inner = this.text.slice(i + 1, end - 1);
    if (this.text.charCodeAt(i) === DQUOTE) {
      const text2 = inner.includes("\\") ? unescapeDoubleQuoted(inner) : inner;
      if (text2 === void 0) throw OUTSIDE;
      return scalar(text2, "double", i, end);
    }
    return scalar(inner.replaceAll("''", "'"), "single", i, end);
  }
  /** A flow collection `[...]` or `{...}` closed on the line it opens. */
  flowCollection(i) {
    this.enter();
    const { text: text2 } = this;
    const isMap2 = text2.charCodeAt(i) === LBRACE;
    const close = isMap2 ? RBRACE : RBRACKET;
    const pairs2 = [];
    const items = [];
    let keys;
    let at = this.skipBlanks(i + 1);
    while (text2.charCodeAt(at) !== close) {
      if (isMap2) {
        const key = this.flowItem(at, true);
        const colon = this.skipBlanks(key.end);
        if (key.kind !== "scalar" || colon - at > MAX_KEY) throw OUTSIDE;
        if (key.style === "plain" && isNonStringKey(key.text)) throw OUTSIDE;
        keys = addKey(pairs2, keys, key.text);
        if (text2.charCodeAt(colon) !== COLON || !isBlank(text2.charCodeAt(colon + 1))) throw OUTSIDE;
        const value = this.flowItem(this.skipBlanks(colon + 1), false);
        pairs2.push({ key, value });
        at = this.skipBlanks(value.end);
      } else {
        const item = this.flowItem(at, false);
        items.push(item);
        at = this.skipBlanks(item.end);
      }
      const d = text2.charCodeAt(at);
      if (d === COMMA) at = this.skipBlanks(at + 1);
      else if (d !== close) throw OUTSIDE;
    }
    this.depth--;
    return isMap2 ? { kind: "map", flow: true, start: i, end: at + 1, pairs: pairs2 } : { kind: "seq", flow: true, start: i, end: at + 1, items };
  }
  /** One item of a flow collection: a quoted or plain scalar, or a nested one-line flow collection. */
  flowItem(i, isKey) {
    const { text: text2 } = this;
    const c = text2.charCodeAt(i);
    if (c === DQUOTE || c === SQUOTE) return this.quoted(i);
    if (c === LBRACKET || c === LBRACE) {
      if (isKey) throw OUTSIDE;
      return this.flowCollection(i);
    }
    if (c < 128 && INDICATOR[c] === 1) throw OUTSIDE;
    if (c === DASH && (isBlank(text2.charCodeAt(i + 1)) || FLOW_END2[text2.charCodeAt(i + 1)] === 1)) throw OUTSIDE;
    let end = i;
    for (let j = i; ; j++) {
      if (this.atLineEnd(j)) throw OUTSIDE;
      const d = text2.charCodeAt(j);
      if (d < 128 && FLOW_END2[d] === 1) break;
      if (d === COLON) {
        if (isKey && isBlank(text2.charCodeAt(j + 1))) break;
        throw OUTSIDE;
      }
      if (d === HASH && isBlank(text2.charCodeAt(j - 1)) || isControl(d)) throw OUTSIDE;
      if (!isBlank(d)) end = j + 1;
    }
    if (end === i) throw OUTSIDE;
    return scalar(text2.slice(i, end), "plain", i, end);
  }
};
function scalar(text2, style, start, end) {
  return { kind: "scalar", style, text: text2, start, end };
}
function emptyScalar(at) {
  return scalar("", "plain", at, at);
}

// src/yaml/file.ts
var YamlFile = class {
  /** Parses `text`; throws SourceError (1-based line and column) when it is not valid YAML. */
  constructor(text2) {
    this.text = text2;
    this.documents = parseYaml(text2).map((root) => ({ root, object: objectOf(root) }));
  }
  text;
  documents;
  lines;
  /** 1-based line of a character offset. */
  lineAt(offset) {
    return this.lineIndex().lineAt(offset);
  }
  /** 1-based column of a character offset, on lines as lineAt counts them; a leading byte order mark is no column. */
  columnAt(offset) {
    return this.lineIndex().columnAt(offset);
  }
  lineIndex() {
    return this.lines ??= new LineIndex(this.text);
  }
};
function tryYamlFile(text2) {
  try {
    return new YamlFile(text2);
  } catch (error) {
    if (error instanceof SourceError) return void 0;
    throw error;
  }
}
function parseYaml(text2) {
  return parseSubset(text2) ?? parseWithPackage(text2);
}
function parseWithPackage(text2) {
  const { documents: documents2 } = packageDocuments(text2);
  for (const document of documents2) {
    const error = document.errors[0];
    if (error) {
      const at = error.linePos?.[0];
      const message = error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
      const said = /call stack/i.test(message) ? `nested too deep to read (${message})` : `not valid YAML: ${message}`;
      throw new SourceError(said, at?.line, at?.col);
    }
  }
  return documents2.map((document) => document.contents && toNode(document.contents));
}
function packageDocuments(text2) {
  const linear = packageParse(text2, false);
  return linear.documents.some((document) => repeatsKey(document.contents)) ? packageParse(text2, true) : linear;
}
function packageParse(text2, uniqueKeys) {
  const marked = text2.startsWith("\uFEFF");
  const lines = new LineCounter();
  if (marked) {
    lines.addNewLine = (offset) => offset === 0 ? lines.lineStarts.length : lines.lineStarts.push(offset);
    const { linePos } = lines;
    lines.linePos = (offset) => linePos(Math.max(offset, 1));
  }
  const parsed = parseAllDocuments(marked ? `
${text2.slice(1)}` : text2, { uniqueKeys, lineCounter: lines });
  return { documents: Array.isArray(parsed) ? parsed : [], lines };
}
function repeatsKey(node2) {
  if (isPair(node2)) return repeatsKey(node2.key) || repeatsKey(node2.value);
  if (!isCollection(node2)) return false;
  if (isMap(node2)) {
    const keys = /* @__PURE__ */ new Set();
    for (const { key } of node2.items) {
      if (!isScalar(key)) continue;
      if (keys.has(key.value)) return true;
      keys.add(key.value);
    }
  }
  return node2.items.some(repeatsKey);
}
var STYLES = {
  [Scalar.PLAIN]: "plain",
  [Scalar.QUOTE_SINGLE]: "single",
  [Scalar.QUOTE_DOUBLE]: "double",
  [Scalar.BLOCK_LITERAL]: "literal",
  [Scalar.BLOCK_FOLDED]: "folded"
};
function toNode(node2) {
  const [start, end] = node2.range;
  if (isScalar(node2)) {
    const text2 = node2.source ?? (node2.value === null ? "" : String(node2.value));
    const scalar2 = { kind: "scalar", style: STYLES[node2.type ?? Scalar.PLAIN] ?? "plain", text: text2, start, end };
    return node2.tag === void 0 ? scalar2 : { ...scalar2, tag: node2.tag };
  }
  if (isMap(node2)) {
    const pairs2 = node2.items.map((pair) => ({ key: toNode(pair.key), value: pair.value ? toNode(pair.value) : null }));
    const last = pairs2[pairs2.length - 1];
    const flow = node2.flow === true;
    return { kind: "map", flow, start, end: flow || !last ? end : (last.value ?? last.key).end, pairs: pairs2 };
  }
  if (isSeq(node2)) {
    const items = node2.items.map((item) => isPair(item) ? pairNode(item) : toNode(item));
    const flow = node2.flow === true;
    return { kind: "seq", flow, start, end: flow || items.length === 0 ? end : items[items.length - 1].end, items };
  }
  if (isAlias(node2)) return { kind: "alias", start, end };
  throw new Error(`unexpected YAML node at offset ${start}`);
}
function pairNode(pair) {
  const key = toNode(pair.key);
  const value = pair.value ? toNode(pair.value) : null;
  return { kind: "map", flow: false, start: key.start, end: (value ?? key).end, pairs: [{ key, value }] };
}
function objectOf(root) {
  const object = {};
  if (root?.kind !== "map") return object;
  const set2 = (field2, node2) => {
    const value = scalarText(node2);
    if (value !== void 0 && value !== "") object[field2] = value;
  };
  set2("apiVersion", mapValue(root, "apiVersion"));
  set2("kind", mapValue(root, "kind"));
  const metadata = mapValue(root, "metadata");
  if (metadata?.kind === "map") {
    set2("namespace", mapValue(metadata, "namespace"));
    set2("name", mapValue(metadata, "name"));
  }
  return object;
}

// src/yaml/quoting.ts
var YAML11_BOOLEANS = new Map([
  ...["y", "Y", "yes", "Yes", "YES", "on", "On", "ON"].map((word) => [word, true]),
  ...["n", "N", "no", "No", "NO", "off", "Off", "OFF"].map((word) => [word, false])
]);
var BOOLEANS = /* @__PURE__ */ new Set(["true", "True", "TRUE", "false", "False", "FALSE"]);
var NULLS = /* @__PURE__ */ new Set(["~", "null", "Null", "NULL"]);
var SPECIAL_FLOATS = new Set([".inf", ".Inf", ".INF"].flatMap((inf) => [inf, `+${inf}`, `-${inf}`]).concat(".nan", ".NaN", ".NAN"));
var YAML11_WORDS = /* @__PURE__ */ new Set([...YAML11_BOOLEANS.keys(), ...BOOLEANS, ...NULLS, ...SPECIAL_FLOATS, "<<", "="]);
var NUMBER_PATTERNS = [
  /^[-+]?(?:0|[1-9][0-9_]*)$/,
  // decimal int
  /^[-+]?0[0-7_]+$/,
  // 1.1 octal
  /^[-+]?0o[0-7_]+$/,
  // 1.2 octal
  /^[-+]?0x[0-9a-fA-F_]+$/,
  // hex
  /^[-+]?0b[01_]+$/,
  // binary
  /^[-+]?(?:\.[0-9_]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?$/,
  // float, `1.10`, `1e3`
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/
  // 1.1 sexagesimal `1:20`
];
function readsAsNonString(value) {
  return value === "" || YAML11_WORDS.has(value) || NUMBER_PATTERNS.some((pattern) => pattern.test(value));
}
function numberRead(text2) {
  if (!NUMBER_PATTERNS.some((pattern) => pattern.test(text2))) return void 0;
  const digits = text2.replace(/^[-+]/, "").replaceAll("_", "");
  const value = digits.includes(":") ? digits.split(":").reduce((sum, part) => sum * 60 + Number(part), 0) : /^(?:0x[0-9a-fA-F]+|0o[0-7]+|0b[01]+|[0-9]+)$/.test(digits) ? BigInt(/^0[0-7]+$/.test(digits) ? `0o${digits}` : digits) : Number(digits);
  if (typeof value === "number" && Number.isNaN(value)) return void 0;
  return String(text2.startsWith("-") ? -value : value);
}
function yaml11Boolean(text2) {
  return YAML11_BOOLEANS.get(text2);
}
function readsAsNull(node2) {
  if (node2.tag !== void 0) return node2.tag === "tag:yaml.org,2002:null";
  return node2.style === "plain" && nonStringType(node2.text) === "null";
}
function nonStringType(text2) {
  if (text2 === "" || NULLS.has(text2)) return "null";
  if (YAML11_BOOLEANS.has(text2) || BOOLEANS.has(text2)) return "boolean";
  return SPECIAL_FLOATS.has(text2) || NUMBER_PATTERNS.some((pattern) => pattern.test(text2)) ? "number" : void 0;
}
function misreadAs(held, next) {
  if (held === next) return void 0;
  const heldType = nonStringType(held);
  const as = (type) => `${next} is written as a ${type}, as the field held ${heldType === type ? "one" : heldType === void 0 ? held : `a ${heldType}`}`;
  const quoted3 = `give it quoted (${JSON.stringify(next)})`;
  const read = numberRead(next);
  if (read !== void 0) return read === next ? void 0 : `${as("number")}, which YAML reads as ${read}; to set the text ${next}, ${quoted3}`;
  const boolean = yaml11Boolean(next);
  if (boolean === void 0 || yaml11Boolean(held) !== void 0) return void 0;
  return `${as("boolean")}, which Helm and kubectl (YAML 1.1) read as ${boolean} but YAML 1.2 readers (the yaml npm package, go-yaml v3) as the string "${next}"; write ${boolean} for the boolean, or ${quoted3} for the text`;
}
function isPrintable(code) {
  return code >= 32 && code <= 126 || code >= 160 && code <= 55295 && code !== 8232 && code !== 8233 || code >= 57344 && code <= 65533 && code !== 65279 || code >= 65536;
}
var FLOW_INDICATORS = /[,[\]{}]/;
function isPlainSafe(value, inFlow) {
  if (readsAsNonString(value)) return false;
  for (const ch of value) if (!isPrintable(ch.codePointAt(0))) return false;
  if (/^\s|\s$/.test(value)) return false;
  if (value.startsWith("---") || value.startsWith("...")) return false;
  const first = value[0];
  if ("#,[]{}&*!|>'\"%@`".includes(first)) return false;
  if ("-?:".includes(first) && (value.length === 1 || value[1] === " ")) return false;
  if (value.includes(": ") || value.includes(" #") || value.endsWith(":")) return false;
  return !(inFlow && FLOW_INDICATORS.test(value));
}
function doubleQuoted(value) {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0);
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "	") out += "\\t";
    else if (isPrintable(code)) out += ch;
    else if (code <= 255) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else if (code <= 65535) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += `\\U${code.toString(16).padStart(8, "0")}`;
  }
  return `${out}"`;
}
function singleQuoted(value) {
  for (const ch of value) if (!isPrintable(ch.codePointAt(0))) return void 0;
  return `'${value.replaceAll("'", "''")}'`;
}
function renderScalar(value, style, inFlow) {
  switch (style) {
    case "double":
      return doubleQuoted(value);
    case "single":
      return singleQuoted(value) ?? doubleQuoted(value);
    case "plain":
      return isPlainSafe(value, inFlow) ? value : doubleQuoted(value);
  }
}
function scalarForm(node2, source, inFlow) {
  if (node2.style === "literal") return "literal block (|) string";
  if (node2.style === "folded") return "folded (>) string";
  const form = `${{ plain: "plain", single: "single-quoted", double: "double-quoted" }[node2.style]} string`;
  if (/[\r\n]/.test(source)) return `multi-line ${form}`;
  return renderScalar(node2.text, node2.style, inFlow) === source ? void 0 : `${form} with non-canonical escapes`;
}

// src/yaml/splice.ts
function scalarSplice(file, node2, value, inFlow, verbatim = false) {
  const { start, end } = node2;
  let insert = verbatim ? value : renderScalar(value, node2.style, inFlow);
  if (start === end && !/\s/.test(file.text[start - 1] ?? " ")) insert = ` ${insert}`;
  if (start === end && file.text[end] === "#") insert = `${insert} `;
  return { start, end, insert };
}
var CORE_TYPES = /* @__PURE__ */ new Map([
  ["tag:yaml.org,2002:null", /^(?:~|null|Null|NULL)?$/],
  ["tag:yaml.org,2002:bool", /^(?:true|True|TRUE|false|False|FALSE)$/],
  ["tag:yaml.org,2002:int", /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/],
  ["tag:yaml.org,2002:float", /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/]
]);
function coreType(node2) {
  return node2.tag !== void 0 && CORE_TYPES.has(node2.tag) ? `!!${node2.tag.slice(node2.tag.lastIndexOf(":") + 1)}` : void 0;
}
function tagHolds(node2, value, typed2 = false) {
  const reads = node2.tag === void 0 ? void 0 : CORE_TYPES.get(node2.tag);
  return reads === void 0 || node2.text === value || typed2 && reads.test(value);
}
function tagWarning(subject, node2, value) {
  return `${subject} has the tag ${coreType(node2)}, which cannot hold ${value === "" ? '""' : value}: left as it is (drop the tag)`;
}
function pairInsertion(file, map2, keys, value) {
  const { text: text2 } = file;
  const { start: mapStart } = map2;
  if (map2.flow) {
    const pair = keys.reduceRight(
      (inner, key, i) => {
        const entry = `${renderScalar(key, "plain", true)}: ${inner}`;
        return i === 0 ? entry : `{${entry}}`;
      },
      renderScalar(value, "plain", true)
    );
    const lastPair2 = map2.pairs[map2.pairs.length - 1];
    if (!lastPair2) return { start: mapStart + 1, end: mapStart + 1, insert: pair };
    const valueEnd = (lastPair2.value ?? lastPair2.key).end;
    const comma = flowCommaAfter(text2, valueEnd);
    if (comma >= 0) return { start: comma + 1, end: comma + 1, insert: ` ${pair},` };
    return { start: valueEnd, end: valueEnd, insert: `, ${pair}${text2[valueEnd] === "#" ? " " : ""}` };
  }
  if (map2.pairs.some((pair) => pair.key.kind !== "scalar")) {
    throw new SourceError(`cannot add '${keys.join(".")}' to a mapping with a complex ('? ...') key`, file.lineAt(mapStart), file.columnAt(mapStart));
  }
  const before = file.columnAt(mapStart) - 1;
  const properties = /(?:[&!][^\s]*[ \t]+)+$/.exec(text2.slice(mapStart - before, mapStart))?.[0].length ?? 0;
  const indent = " ".repeat(before - properties);
  const lastPair = map2.pairs[map2.pairs.length - 1];
  const lastNode = lastPair?.value ?? lastPair?.key;
  const pairAt = (eol2) => keys.map((key, i) => `${indent}${"  ".repeat(i)}${renderScalar(key, "plain", false)}:`).join(eol2) + ` ${renderScalar(value, "plain", false)}`;
  const lastEnd = (lastNode ?? map2).end;
  if (lastNode?.kind === "scalar" && /^[|>][0-9]*\+/.test(text2.slice(lastNode.start)) && text2[lastEnd - 1] === "\n") {
    const eol2 = text2[lastEnd - 2] === "\r" ? "\r\n" : "\n";
    return { start: lastEnd, end: lastEnd, insert: `${pairAt(eol2)}${eol2}` };
  }
  let end = lastEnd;
  while (end > mapStart && /\s/.test(text2[end - 1])) end--;
  const newline = text2.indexOf("\n", end);
  const at = newline < 0 ? text2.length : text2[newline - 1] === "\r" ? newline - 1 : newline;
  const eol = text2.startsWith("\r\n", at) || at === text2.length && text2.includes("\r\n") ? "\r\n" : "\n";
  return { start: at, end: at, insert: `${eol}${pairAt(eol)}` };
}
function flowCommaAfter(text2, from) {
  for (let i = from; i < text2.length; i++) {
    const c = text2[i];
    if (c === "#") {
      const newline = text2.indexOf("\n", i);
      i = newline < 0 ? text2.length : newline;
    } else if (c === ",") return i;
    else if (c !== " " && c !== "	" && c !== "\n" && c !== "\r") return -1;
  }
  return -1;
}

// src/yaml/null-fill.ts
function nullFilling(file, target, keys, value) {
  const { key, node: node2, inFlow } = target;
  if (inFlow || node2.text !== "") {
    const map2 = keys.reduceRight((inner, name) => `{${renderScalar(name, "plain", true)}: ${inner}}`, renderScalar(value, "plain", true));
    return scalarSplice(file, node2, map2, inFlow, true);
  }
  const { text: text2 } = file;
  const rest = text2.slice(node2.start).search(/[\r\n]/);
  const at = rest < 0 ? text2.length : node2.start + rest;
  const eol = text2.startsWith("\r\n", at) ? "\r\n" : text2[at] ?? /\r\n|\r|\n/.exec(text2)?.[0] ?? "\n";
  const indent = " ".repeat(file.columnAt(key.start) - 1 + 2);
  const lines = keys.map((name, i) => `${eol}${indent}${"  ".repeat(i)}${renderScalar(name, "plain", false)}:`);
  return { start: at, end: at, insert: `${lines.join("")} ${renderScalar(value, "plain", false)}` };
}

// src/text/splice.ts
function byPosition(a, b) {
  return a.start - b.start || a.end - b.end;
}
function applySplices(text2, ordered) {
  if (ordered.length === 0) return text2;
  let out = "";
  let at = 0;
  for (const { start, end, insert } of ordered) {
    if (start < at)
      throw new SourceError(`two edits overlap here, which is a fault of gitops-promote (please report it); the file is left as it is`, lineAt(text2, start));
    out += text2.slice(at, start) + insert;
    at = end;
  }
  return out + text2.slice(at);
}

// src/yaml/plan.ts
var EditPlan = class {
  constructor(file) {
    this.file = file;
  }
  file;
  claimed = /* @__PURE__ */ new Set();
  planned = [];
  /** The value each scalar set so far is given: what a mapping merging it (`<<: *img`) reads. */
  values = /* @__PURE__ */ new Map();
  warnings = [];
  /** Reserves a node for the current editor: later editors leave it alone. */
  claim(node2) {
    this.claimed.add(node2);
  }
  isClaimed(node2) {
    return node2 !== null && node2 !== void 0 && this.claimed.has(node2);
  }
  /** What `node` holds once the plan is applied. */
  valueOf(node2) {
    return this.values.get(node2) ?? node2.text;
  }
  /**
   * Makes `node` hold `value` (no change when it already does) and claims it; `verbatim` as scalarSplice. A node
   * whose tag cannot hold `value` (`!!float 1.0`, splice.ts tagHolds) is left as it is, with a warning.
   */
  setScalar(node2, value, inFlow, label, verbatim = false) {
    this.claim(node2);
    const old = node2.text;
    if (old === value) return;
    if (!tagHolds(node2, value, verbatim)) {
      return this.warn(node2.start, tagWarning(label.kind === "setter" ? `the value Flux setter "${label.key}" marks` : label.key, node2, value));
    }
    const splice = scalarSplice(this.file, node2, value, inFlow, verbatim);
    this.values.set(node2, value);
    this.planned.push({ splice, change: { ...changeOf(label), old, new: value } });
  }
  /** Adds `key: value` as a new last pair of `map` (several keys: the value nested under them). */
  addPair(map2, keys, value, label) {
    const splice = pairInsertion(this.file, map2, keys, value);
    this.planned.push({ splice, change: { ...changeOf(label), old: "", new: value, op: "create" } });
  }
  /** Plans a splice the caller rendered itself: an edit made in a text held inside one of this file's scalars, moved to this file's offsets. */
  addSplice(splice, change) {
    this.planned.push({ splice, change });
  }
  warn(offset, message, kind2, about) {
    this.warnings.push({ offset, message, ...kind2 && { kind: kind2 }, ...about && { about } });
  }
  /**
   * What a field's version decision for `image` (a repository) tells (VersionNote), said at `offset` after the field's
   * name and kept as what the warning is about: an override the same decision moves says it no more (overrides.ts).
   */
  versionNote(offset, field2, image) {
    return (why, kind2) => this.warnings.push({ offset, ...versionNoteWarning(field2, why, kind2, image) });
  }
  /** What is planned so far, at offsets of this plan's file: for an editor that moves it into a file holding this text in a scalar. */
  edits() {
    return { changes: this.planned, warnings: this.warnings };
  }
  /**
   * The edited text (the input itself when nothing changed) and what changed, in document
   * order. Lines are those of the edited text (an added pair is on a line of its own).
   * Its warnings keep what they are about, for the engine (FieldWarning).
   */
  result() {
    const planned = [...this.planned].sort((a, b) => byPosition(a.splice, b.splice));
    const text2 = applySplices(
      this.file.text,
      planned.map((p) => p.splice)
    );
    const lines = planned.length > 0 ? new LineIndex(text2) : void 0;
    const warnings = [...this.warnings].sort((a, b) => a.offset - b.offset);
    const changes = [];
    const placedWarnings = [];
    let shift = 0;
    let next = 0;
    const placeWarningsBefore = (offset) => {
      for (; next < warnings.length && warnings[next].offset < offset; next++) {
        const { offset: at, ...warning } = warnings[next];
        placedWarnings.push({ line: lines ? lines.lineAt(at + shift) : this.file.lineAt(at), ...warning });
      }
    };
    for (const { splice, change } of planned) {
      const { start, end, insert } = splice;
      placeWarningsBefore(end > start ? start + 1 : start);
      const within2 = start === end ? insert.trimEnd().search(/\S[^\n]*$/) : 0;
      changes.push({ line: lines.lineAt(start + shift + within2), ...change });
      shift += insert.length - (end - start);
    }
    placeWarningsBefore(Infinity);
    return { text: text2, changes, warnings: placedWarnings };
  }
};
function changeOf({ kind: kind2, key, document, repository }) {
  return { kind: kind2, key, object: document.object, ...repository !== void 0 && { repository } };
}

// src/yaml/merge-key.ts
function isMergeKey2(key) {
  return key.kind === "scalar" && key.style === "plain" && key.text === "<<";
}
function hasMergeKey(map2) {
  return map2.pairs.some((pair) => isMergeKey2(pair.key));
}
function mergedFromWords(key, from, line) {
  return `its ${key} is merged (<<) from ${from} (line ${line}), ${MERGE_SHARED}`;
}
var MERGE_SHARED = "which every mapping merging it shares";
function mergedValue(file, root, map2, path, key) {
  const found = mergedFrom({ file, root, key, own: ownPair(key), known: mergesOf(file, key) }, map2, /* @__PURE__ */ new Set()).merged;
  return found?.node ? { node: found.node, path: found.fromMap ? [...path, ...found.path] : found.path } : void 0;
}
function mergedHolder(file, root, key, adding) {
  const real = ownPair(key);
  const own = adding === void 0 || real(adding) ? real : (map2) => map2 === adding ? { value: null } : real(map2);
  const search2 = { file, root, key, own, known: own === real ? mergesOf(file, key) : /* @__PURE__ */ new Map() };
  return (map2) => own(map2) ? map2 : mergedFrom(search2, map2, /* @__PURE__ */ new Set()).merged?.holder;
}
function mergeSources(file, root, map2) {
  return map2.pairs.flatMap((pair) => {
    if (!isMergeKey2(pair.key) || pair.value === null) return [];
    const items = pair.value.kind === "seq" ? pair.value.items.map((item, i) => ({ node: item, at: ["<<", i] })) : [{ node: pair.value, at: ["<<"] }];
    return items.flatMap(({ node: node2, at }) => {
      const merged = node2.kind === "alias" ? anchoredValue(file, root, node2) : { node: node2, path: at };
      return merged?.node.kind === "map" ? [{ node: merged.node, path: merged.path, fromMap: node2.kind !== "alias" }] : [];
    });
  });
}
function ownPair(key) {
  return (map2) => map2.pairs.find((pair) => pair.key.kind === "scalar" && !isMergeKey2(pair.key) && pair.key.text === key);
}
var mergesOfFile = /* @__PURE__ */ new WeakMap();
function mergesOf(file, key) {
  let byKey = mergesOfFile.get(file);
  if (byKey === void 0) mergesOfFile.set(file, byKey = /* @__PURE__ */ new Map());
  let merges = byKey.get(key);
  if (merges === void 0) byKey.set(key, merges = /* @__PURE__ */ new Map());
  return merges;
}
function mergedFrom(search2, map2, seen) {
  const { known } = search2;
  if (known.has(map2)) return { merged: known.get(map2), cut: false };
  if (seen.has(map2)) return { merged: void 0, cut: true };
  seen.add(map2);
  let cut = false;
  const answer = (merged) => {
    if (!cut) known.set(map2, merged);
    return { merged, cut };
  };
  for (const source of mergeSources(search2.file, search2.root, map2)) {
    const own = search2.own(source.node);
    if (own) return answer({ holder: source.node, node: own.value, path: [...source.path, search2.key], fromMap: source.fromMap });
    if (source.node === map2) continue;
    const below = mergedFrom(search2, source.node, seen);
    cut ||= below.cut;
    const found = below.merged;
    if (found) return answer(found.fromMap ? { ...found, path: [...source.path, ...found.path], fromMap: source.fromMap } : found);
  }
  return answer(void 0);
}
function fieldsOf(file, root, map2, path, inFlow) {
  const merges = hasMergeKey(map2);
  return (key) => {
    const value = mapValue(map2, key);
    if (value !== void 0) return { node: value, path: [...path, key], inFlow: inFlow || map2.flow };
    const merged = merges ? mergedValue(file, root, map2, path, key) : void 0;
    return merged && { ...merged, inFlow: false, merged: true };
  };
}
function fieldsAt(file, root, path, keys) {
  let field2 = { node: nodeAt(root, path) ?? null, path, inFlow: false };
  for (const key of keys) {
    if (field2?.node?.kind !== "map" || typeof key !== "string") return void 0;
    field2 = fieldsOf(file, root, field2.node, field2.path, field2.inFlow)(key);
  }
  return field2?.node?.kind === "map" ? fieldsOf(file, root, field2.node, field2.path, field2.inFlow) : void 0;
}

// src/yaml/placeholder.ts
var FILLERS = [
  {
    opens: "${",
    closes: "}",
    // `${VAR:=default}` is named `${VAR}`: the variable to set.
    names: (text2) => Array.from(text2.matchAll(/\$\{\w+/g), ([start]) => `${start}}`),
    unnamed: "${...}",
    source: "the substitution variables (a Flux Kustomization's spec.postBuild.substitute or substituteFrom), which this tool does not edit",
    sourceElsewhere: "the variables that fill it in where the file is read (docker compose's environment or .env file, an envsubst step), which this tool does not edit",
    every: "value its substitution variables fill in",
    pinned: "substitute the version too, or set it per cluster"
  },
  {
    opens: "{{",
    closes: "}}",
    names: (text2) => Array.from(text2.matchAll(/\{\{.*?\}\}/g), ([name]) => name),
    unnamed: "{{...}}",
    source: "the template's parameters (an Argo CD ApplicationSet's generators, such as a list generator's elements), where a version alone is not edited either",
    whole: "hold the whole reference in an image: field of each generator element or file, which is edited",
    every: "app its generator makes",
    pinned: "template the version from the generator's parameters too, or set it per app (a parameter of each generator element or file)"
  }
];
function hasPlaceholder(text2) {
  return FILLERS.some((filler) => text2.includes(filler.opens));
}
function placeholderReason(text2, reference, manifest, elements) {
  const filler = FILLERS.find((f) => text2.includes(f.opens)) ?? FILLERS[0];
  const names = [...new Set(filler.names(text2))].join(", ") || filler.unnamed;
  const source = elements?.length ? `the generator's elements, where a version alone is not edited either: ${elementsHolding(elements)}` : manifest ? filler.source : filler.sourceElsewhere ?? filler.source;
  const whole = reference && filler.whole ? `, or ${filler.whole}` : "";
  return `with ${names}, which is not edited: its version comes from ${source}; set it there${whole}`;
}
function staleElements(root, placeholder, part, update) {
  const name = /^\{\{-?\s*\.?([\w-]+)\s*-?\}\}$/.exec(placeholder.trim())?.[1];
  if (name === void 0 || root === null) return void 0;
  let byUpdate = staleByRoot.get(root);
  if (!byUpdate) staleByRoot.set(root, byUpdate = /* @__PURE__ */ new WeakMap());
  let byName = byUpdate.get(update);
  if (!byName) byUpdate.set(update, byName = /* @__PURE__ */ new Map());
  const key = `${part} ${name}`;
  if (!byName.has(key)) byName.set(key, readStaleElements(root, name, part, update));
  return byName.get(key);
}
var staleByRoot = /* @__PURE__ */ new WeakMap();
function readStaleElements(root, name, part, update) {
  const held = [];
  for (const { elements, path } of listElements(nodeAt(root, ["spec", "generators"]), ["spec", "generators"]))
    elements.items.forEach((element, e) => {
      const value = nodeAt(element, [name]);
      if (isFlowScalar(value)) held.push({ path: [...path, e, name], value: value.text });
    });
  if (held.length === 0) return void 0;
  const version = (value) => part === "tag" ? versionOf(value, void 0) : versionOf(void 0, value);
  return held.filter(({ value }) => nextVersion(update, version(value)) !== void 0);
}
function listElements(generators, path) {
  if (generators?.kind !== "seq") return [];
  return generators.items.flatMap((generator, g) => {
    const elements = nodeAt(generator, ["list", "elements"]);
    if (elements?.kind === "seq") return [{ elements, path: [...path, g, "list", "elements"] }];
    return ["matrix", "merge"].flatMap((kind2) => listElements(nodeAt(generator, [kind2, "generators"]), [...path, g, kind2, "generators"]));
  });
}
var ELEMENTS_NAMED = 5;
function elementsHolding(elements) {
  let text2 = holding.get(elements);
  if (text2 === void 0) {
    text2 = cappedList(
      elements.map(({ path, value }, e) => e < ELEMENTS_NAMED ? `${formatPath(path)} holds ${value}` : ""),
      ELEMENTS_NAMED
    );
    holding.set(elements, text2);
  }
  return text2;
}
var holding = /* @__PURE__ */ new WeakMap();
function leftToPlaceholder(path) {
  return { field: formatPath(path), reason: "placeholder" };
}
function warnPlaceholderField(fields, name, update, plan, manifest) {
  for (const [part, field2] of Object.entries(fields)) {
    const node2 = field2?.node;
    if (field2 && isFlowScalar(node2) && hasPlaceholder(node2.text)) {
      if (nextVersion(update, {}) !== void 0)
        plan.warn(
          node2.start,
          `${formatPath(field2.path)} sets the ${part} of ${name} ${placeholderReason(node2.text, false, manifest ?? inManifest(plan, node2))}`,
          void 0,
          leftToPlaceholder(field2.path)
        );
      return true;
    }
  }
  return false;
}
function warnSubstituted(node2, path, incoming, plan) {
  if (plan.isClaimed(node2)) return;
  const named2 = namedReference(node2.text);
  const stale = (named2 !== void 0 ? staleImageIn(named2, incoming) : void 0) ?? staleImageIn(node2.text, incoming);
  if (stale) {
    const update = incoming.get(stale.repository);
    if (nextVersion(update, {}) === void 0) return;
    const version2 = /([:@])(\{\{[^}]*\}\})\s*$/.exec(node2.text);
    const elements = version2 && staleElements(rootHolding(plan, node2), version2[2], version2[1] === ":" ? "tag" : "digest", update);
    if (elements?.length === 0) return;
    return plan.warn(
      node2.start,
      `${formatPath(path)} builds a reference of ${formatImageRef(stale)} ${placeholderReason(node2.text, true, inManifest(plan, node2), elements ?? void 0)}`,
      void 0,
      leftToPlaceholder(path)
    );
  }
  const pin = templatedPin(node2.text.slice(literalIndexOf(node2.text, "=") + 1), incoming);
  if (!pin) return;
  const filler = FILLERS.find((f) => node2.text.includes(f.opens)) ?? FILLERS[0];
  const [part, version] = pin.digest === void 0 ? ["tag", pin.tag] : pin.tag === void 0 ? ["digest", pin.digest] : ["version", `${pin.tag}@${pin.digest}`];
  plan.warn(
    node2.start,
    `${formatPath(path)} pins the ${part} ${version} for every ${filler.every}, ${pin.repository} included if it makes that one; it is not edited, as they all share it: ${filler.pinned}`
  );
}
function namedReference(text2) {
  const eq = literalIndexOf(text2, "=");
  if (eq <= 0) return void 0;
  const image = text2.slice(eq + 1);
  const at = versionIndex(image);
  return at !== -1 && hasPlaceholder(image.slice(at)) ? text2.slice(0, eq) + image.slice(at) : void 0;
}
function versionIndex(image) {
  let colon = -1;
  for (const i of literalIndexes(image)) {
    if (image[i] === "@") return colon === -1 ? i : colon;
    if (image[i] === ":") colon = i;
    if (image[i] === "/") colon = -1;
  }
  return colon;
}
function rootHolding(plan, node2) {
  return documentHolding(plan, node2)?.root ?? null;
}
function documentHolding(plan, node2) {
  return plan.file.documents.find(({ root }) => root !== null && root.start <= node2.start && node2.start < root.end);
}
function inManifest(plan, node2) {
  const object = documentHolding(plan, node2)?.object;
  return object?.apiVersion !== void 0 || object?.kind !== void 0;
}
function literalIndexOf(text2, char) {
  for (const i of literalIndexes(text2)) if (text2[i] === char) return i;
  return -1;
}
function* literalIndexes(text2) {
  for (let i = 0; i < text2.length; i++) {
    const filler = FILLERS.find((f) => text2.startsWith(f.opens, i));
    if (!filler) {
      yield i;
      continue;
    }
    const close = text2.indexOf(filler.closes, i + filler.opens.length);
    if (close === -1) return;
    i = close + filler.closes.length - 1;
  }
}
function literalPieces(text2) {
  const pieces = [];
  let from = 0;
  for (let at = 0; at < text2.length; at++) {
    const filler = FILLERS.find((f) => text2.startsWith(f.opens, at));
    if (!filler) continue;
    const close = text2.indexOf(filler.closes, at + filler.opens.length);
    if (close === -1) break;
    pieces.push(text2.slice(from, at));
    from = close + filler.closes.length;
    at = from - 1;
  }
  return [...pieces, text2.slice(from)];
}
function templatedPin(text2, incoming) {
  const pieces = literalPieces(text2.trim());
  if (pieces.length < 2) return void 0;
  const last = pieces[pieces.length - 1];
  const at = last.indexOf("@");
  const colon = last.lastIndexOf(":", at === -1 ? last.length : at);
  const start = colon !== -1 && !last.includes("/", colon) ? colon : at;
  if (start === -1) return void 0;
  const tag = colon === start ? last.slice(colon + 1, at === -1 ? last.length : at) : void 0;
  const digest = at === -1 ? void 0 : last.slice(at + 1);
  if (tag !== void 0 && !isTag(tag) || digest !== void 0 && !isDigest(digest)) return void 0;
  const repository = [...pieces.slice(0, -1), last.slice(0, start)];
  const literal2 = repository.join("\n");
  const [first] = repository;
  for (const update of incoming.values()) {
    const name = update.image.repository;
    const written = spellings(name);
    if (!literal2.includes(name.slice(name.lastIndexOf("/"))) && (first === "" || !written.some((spelling) => spelling.startsWith(first)))) continue;
    if (!written.some((spelling) => spells(repository, spelling))) continue;
    if (nextVersion(update, versionOf(tag, digest)) !== void 0)
      return { repository: name, ...tag !== void 0 && { tag }, ...digest !== void 0 && { digest } };
  }
  return void 0;
}
function spellings(repository) {
  if (!repository.startsWith("docker.io/")) return [repository];
  const short = repository.slice("docker.io/".length);
  return short.startsWith("library/") ? [repository, short, short.slice("library/".length)] : [repository, short];
}
function spells(pieces, name) {
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (!name.startsWith(first) || !name.endsWith(last) || first.length + last.length > name.length) return false;
  let from = first.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = name.indexOf(piece, from);
    if (found === -1) return false;
    from = found + piece.length;
  }
  return from <= name.length - last.length;
}

// src/yaml/registry.ts
var NO_STRING_REGISTRY = { unknown: "which is no string" };
var FILLED_REGISTRY = { unknown: "which is filled in after this tool" };
function readRegistry(file, root, node2, text2) {
  const scalar2 = node2 ? scalarOf(file, root, node2) : void 0;
  if (!node2 || scalar2 && readsAsNull(scalar2)) return void 0;
  const read = text2 ?? scalarText(scalar2);
  if (read === void 0) return NO_STRING_REGISTRY;
  return hasPlaceholder(read) ? FILLED_REGISTRY : read;
}

// src/yaml/path.ts
var isNonString = (text2) => text2 !== "" && readsAsNonString(text2);
var isNull = (text2) => nonStringType(text2) === "null";
var BARE_KEY = /^[^.[\]"'\s]+$/;
function formatPath(path) {
  let out = "";
  for (const segment2 of path) {
    if (typeof segment2 === "number") out += `[${segment2}]`;
    else if (BARE_KEY.test(segment2)) out += out === "" ? segment2 : `.${segment2}`;
    else out += `[${JSON.stringify(segment2)}]`;
  }
  return out;
}
function hasPrefix(path, prefix) {
  return prefix.length <= path.length && prefix.every((segment2, i) => path[i] === segment2);
}
function parsePath(text2, value, fieldName) {
  const fail2 = (why, at) => {
    throw new SourceError(
      `invalid path ${JSON.stringify(text2)}: ${yqSelector(text2, value, fieldName) ?? `${why} at character ${at + 1}${at === 0 ? rootHint(text2) : ""}`}`
    );
  };
  if (JSON_ROOT.test(text2)) fail2("a JSONPath root '$'", 0);
  const segments = [];
  let i = 0;
  while (i < text2.length) {
    if (text2[i] === "[") {
      const close = text2[i + 1] === '"' || text2[i + 1] === "'" ? quotedEnd(text2, i + 1) : text2.indexOf("]", i);
      if (close < 0 || text2[close] !== "]") fail2("unclosed '['", i);
      const inner = text2.slice(i + 1, close);
      if (inner.startsWith('"')) segments.push(JSON.parse(inner));
      else if (inner.startsWith("'")) segments.push(inner.slice(1, -1).replaceAll("''", "'"));
      else if (/^[0-9]+$/.test(inner)) segments.push(Number(inner));
      else fail2(`'[${inner}]' is neither a list index nor a quoted key`, i);
      i = close + 1;
    } else {
      const end = text2.slice(i).search(/[.[]/);
      const key = end < 0 ? text2.slice(i) : text2.slice(i, i + end);
      if (!BARE_KEY.test(key)) fail2(key === "" ? "empty key" : `key ${JSON.stringify(key)} must be quoted in brackets`, i);
      segments.push(key);
      i += key.length;
    }
    if (text2[i] === ".") {
      i++;
      if (i === text2.length || text2[i] === "[") fail2("empty key", i);
    } else if (i < text2.length && text2[i] !== "[") fail2("expected '.' or '['", i);
  }
  if (segments.length === 0) fail2("empty path", 0);
  return segments;
}
var JSON_ROOT = /^\$[.[]./;
function rootHint(text2) {
  if (JSON_ROOT.test(text2)) {
    const root = text2[1] === "." ? "$." : "$";
    return `; drop the leading ${root} (paths are ${text2.slice(root.length)}, not updatecli's ${text2})`;
  }
  return text2.startsWith(".") && text2.length > 1 ? `; drop the leading dot (paths are ${text2.slice(1)}, not yq's ${text2})` : "";
}
function yqSelector(path, value, fieldName = byFlag) {
  const open = path.indexOf("[");
  if (open < 0 || !/\[\s*(?:\]|\?)|\[[^\]"']*=|select\(/.test(path)) return void 0;
  const list = path.slice(0, open).replace(/^[\s(]*\$?\./, "");
  const picked = /\.?([\w-]+)\s*==?\s*(?:"([^"]*)"|'([^']*)'|([^\s\])]+))/.exec(path.slice(open));
  const name = picked?.[1] === "name" ? picked[2] ?? picked[3] ?? picked[4] : void 0;
  const field2 = /\.([\w-]+)[\s)]*$/.exec(path)?.[1];
  const given = value === void 0 ? "" : unquote(value);
  const image = given === "" ? void 0 : field2 === "image" ? given : (field2 === "newTag" || field2 === "tag") && name ? `${name}:${given}` : void 0;
  return `a yq selector at character ${open + 1}; list items are selected by index (${BARE_PATH.test(list) ? list : ""}[0]), or give ${givenValue(fieldName, "image", image ?? "REPOSITORY:TAG")}, which finds the image's fields by its name`;
}
var BARE_PATH = /^[^.[\]"'\s()|]+(?:\.[^.[\]"'\s()|]+)*$/;
function quotedEnd(text2, open) {
  const quote2 = text2[open];
  for (let i = open + 1; i < text2.length; i++) {
    if (quote2 === '"' && text2[i] === "\\") i++;
    else if (text2[i] === quote2) {
      if (quote2 === "'" && text2[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return -1;
}
function parseYamlSpec(spec, fieldName) {
  const eq = assignmentAt(spec);
  if (eq <= 0) throw new SourceError(`${JSON.stringify(spec)} is not PATH=VALUE`);
  const path = spec.slice(0, eq).trim();
  const value = spec.slice(eq + 1).trim();
  if (path.endsWith("+")) {
    const whole = path.slice(0, -1).trim();
    const cut = Math.max(whole.lastIndexOf("."), whole.lastIndexOf("]"));
    const key = whole.slice(cut + 1);
    const quoted3 = `${whole.slice(0, whole[cut] === "]" ? cut + 1 : Math.max(cut, 0))}[${JSON.stringify(`${key}+`)}]`;
    const advice = whole === "" ? "give PATH=VALUE" : `give the whole value (${whole}=\u2026)${key === "" ? "" : `, or quote a key that ends in "+" (${quoted3}=\u2026)`}`;
    throw new SourceError(`${JSON.stringify(spec)}: "+=" appends only in a KCL override spec; a YAML --set sets one value: ${advice}`);
  }
  return { path, segments: parsePath(path, value, fieldName), value };
}
function assignmentAt(spec) {
  let depth = 0;
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i];
    if (c === '"' || c === "'") {
      const end = quotedEnd(spec, i);
      if (end < 0) break;
      i = end - 1;
    } else if (c === "[" || c === "(") depth++;
    else if (c === "]" || c === ")") depth = Math.max(0, depth - 1);
    else if (c === "=" && depth === 0) return i;
  }
  return spec.indexOf("=");
}
function setFromSpec(text2, spec, create, setsToo, fieldName) {
  const { path, value: raw } = parseYamlSpec(spec, fieldName);
  const value = unquote(raw);
  return setYamlPath(text2, path, value, { create, typed: value === raw, ...setsToo && { setsToo }, ...fieldName && { fieldName } });
}
function unquote(value) {
  const quoted3 = value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0];
  return quoted3 ? value.slice(1, -1) : value;
}
function nullWords(text2) {
  return text2 === "" ? "empty (null)" : /^null$/i.test(text2) ? "null" : `null (${text2})`;
}
function describeAt(path, depth) {
  return depth === 0 ? "the document" : formatPath(path.slice(0, depth));
}
function lookUp(file, root, path) {
  if (root === null) return { depth: 0, message: "the document is empty", offset: 0 };
  let node2 = root;
  let inFlow = false;
  let key;
  for (const [depth, segment2] of path.entries()) {
    const at = describeAt(path, depth);
    const miss = (message) => ({ depth, message, offset: node2.start });
    if (node2.kind === "map") {
      if (typeof segment2 === "number") return miss(`${at} is a mapping, not a list: it has no [${segment2}]`);
      const pair = node2.pairs.find((item) => scalarText(item.key) === segment2);
      if (pair && !pair.value) {
        const held = formatPath(path.slice(0, depth + 1));
        const message = depth + 1 < path.length ? `${held} is ${nullWords("")}, it has no '${path[depth + 1]}'` : `${held} is a key with no ':' and no value to set`;
        return { depth: depth + 1, message, offset: pair.key.start };
      }
      if (!pair?.value) {
        const keys = node2.pairs.map((item) => scalarText(item.key)).filter((key2) => key2 !== void 0);
        const message = keys.length === 0 ? `${at} is an empty mapping, it has no '${segment2}'` : `${at} has ${cappedList(keys.map((key2) => `'${key2}'`))}, not '${segment2}'`;
        const merged = hasMergeKey(node2) ? throughMerge(file, root, node2, path, depth, segment2) : void 0;
        return { ...miss(merged ? `${message}: ${merged.message}` : message), map: node2, ...merged && { creates: merged.creates } };
      }
      inFlow ||= node2.flow;
      key = pair.key;
      node2 = pair.value;
    } else if (node2.kind === "seq") {
      const index2 = typeof segment2 === "number" ? segment2 : /^[0-9]+$/.test(segment2) ? Number(segment2) : void 0;
      if (index2 === void 0) return miss(`${at} is a list, not a mapping: it has no '${segment2}'`);
      if (index2 >= node2.items.length) return miss(`${at} has ${node2.items.length} items, not [${index2}]`);
      inFlow ||= node2.flow;
      key = void 0;
      node2 = node2.items[index2];
    } else if (isFlowScalar(node2) && readsAsNull(node2)) {
      const between = key === void 0 ? "" : file.text.slice(key.end, node2.start);
      const fill = key !== void 0 && /^[ \t]*:[ \t]*$/.test(between) ? { key, node: node2, inFlow } : void 0;
      const anchor = /&\S+/.exec(between)?.[0];
      const why = anchor === void 0 ? "" : ` (it is anchored, ${anchor}: filling it would fill its aliases too, so it is written by hand)`;
      return { ...miss(`${at} is ${nullWords(node2.text)}, it has no '${segment2}'${why}`), ...fill && { fill } };
    } else if (node2.kind === "alias") {
      return miss(`${at} is ${aliasWords(file, root, node2, path.slice(depth), `it has no '${segment2}'`)}`);
    } else {
      return miss(`${at} is a scalar, it has no '${segment2}'`);
    }
  }
  return { node: node2, inFlow };
}
function aliasWords(file, root, alias, rest, lacks) {
  const anchor = anchorOf(file, alias);
  const anchored2 = anchoredValue(file, root, alias);
  if (!anchor || !anchored2) return `an alias, ${lacks}`;
  const name = file.text.slice(alias.start, alias.end);
  const of = `an alias (${name}) of ${formatPath(anchored2.path)} (${anchor.name}, line ${file.lineAt(anchor.at)})`;
  const path = [...anchored2.path, ...rest];
  const found = lookUp(file, root, path);
  if ("message" in found) return `${of}, where ${found.message}`;
  const own = `${lacks}${rest.length > 0 ? " of its own" : ""}`;
  if (!isFlowScalar(found.node)) return `${of}, ${own}`;
  return `an alias (${name}), ${own}: set ${aliasedFieldWords(path, file.lineAt(found.node.start), anchor.name)}`;
}
function throughMerge(file, root, map2, path, depth, key) {
  const merged = mergedValue(file, root, map2, path.slice(0, depth), key);
  if (!merged) return void 0;
  const rest = path.slice(depth + 1);
  const target = [...merged.path, ...rest];
  const found = lookUp(file, root, target);
  const from = `its ${key} is merged (<<) from ${formatPath(merged.path)}`;
  const message = "message" in found ? `${from} (line ${file.lineAt(merged.node.start)}), where ${found.message}` : rest.length === 0 ? mergedFromWords(key, formatPath(merged.path), file.lineAt(found.node.start)) : `${from}, whose ${formatPath(rest)} is ${formatPath(target)} (line ${file.lineAt(found.node.start)}), ${MERGE_SHARED}`;
  const mapping = depth === 0 ? "the document" : formatPath(path.slice(0, depth));
  const only = rest.length === 0 ? `, which only ${mapping} gets` : ` holding only ${formatPath(rest)}, which replaces the merged ${key} whole for ${mapping} alone`;
  return { message, creates: `'${key}' beside '<<'${only}` };
}
function warnStaleDigest(plan, document, segments, path, node2, tag, { setsToo, configured, fieldName }) {
  const holder = segments.length > 1 ? lookUp(plan.file, document.root, segments.slice(0, -1)) : { node: document.root };
  if ("message" in holder || holder.node?.kind !== "map") return;
  const map2 = holder.node;
  const registryOf = (field2) => readRegistry(plan.file, document.root, field2);
  const pin = pinBeside(segments[segments.length - 1], (key) => mapValue(map2, key) ?? void 0, scalarText, registryOf);
  if (!pin || !isFlowScalar(pin.digest) || pin.digest.text === "" || node2.text === tag) return;
  const digestKey = formatPath([...segments.slice(0, -1), "digest"]);
  if (setsToo(digestKey)) return;
  const stale = { tagKey: path, tag, digestKey, line: plan.file.lineAt(pin.digest.start), digest: pin.digest.text, name: pin.name };
  plan.warn(node2.start, staleDigestWarning({ ...stale, ...configured && { configured } }, fieldName));
}
function typedWrite(node2, next, path, options) {
  const { tagField } = options;
  const typed2 = options.typed === true && (coreType(node2) !== void 0 || !tagField && node2.style === "plain" && readsAsNonString(node2.text) && isNonString(next));
  const misread = typed2 ? misreadAs(node2.text, next) : void 0;
  const retyped = node2.style === "plain" && isNonString(node2.text) && !isNull(node2.text);
  if (!((options.typed !== void 0 || options.given) && !typed2 && retyped))
    return { typed: typed2, ...misread !== void 0 && { misread: `${path}: ${misread}` } };
  const unquote3 = options.typed ? "" : options.typed === false ? "; to keep its type, give the value unquoted" : "; to keep its type, pass typed: true";
  const keeps = isNonString(next) && misreadAs(node2.text, next) === void 0;
  const why = tagField ? " (a tag is a string to Helm and kustomize)" : keeps ? unquote3 : "";
  return { typed: typed2, retyped: `${path}: ${node2.text} (not a string in YAML) becomes the string "${next}"${why}` };
}
function askedString(value, options) {
  return typeof value === "string" && options.typed !== true;
}
function quotedOver(file, node2, next, inFlow) {
  if (node2.style !== "plain" || !readsAsNonString(node2.text)) return void 0;
  const splice = scalarSplice(file, node2, next, inFlow);
  return splice.insert.trim() === next ? void 0 : splice;
}
function setYamlPath(text2, path, value, options = {}) {
  return publicResult(setYamlPathAbout(text2, path, value, options));
}
function setYamlPathAbout(text2, path, value, options = {}) {
  const unchanged = { text: text2, changes: [], warnings: [] };
  const segments = parsePath(path, void 0, options.fieldName);
  const file = new YamlFile(text2);
  const fail2 = (message, offset) => {
    throw new SourceError(`${path}: ${message}`, file.lineAt(offset), file.columnAt(offset));
  };
  let deepest;
  for (const [index2, document] of file.documents.entries()) {
    const found = lookUp(file, document.root, segments);
    if ("message" in found) {
      if (!deepest || found.depth > deepest.depth) deepest = { ...found, document };
      continue;
    }
    const { node: node2, inFlow } = found;
    if (!isFlowScalar(node2)) {
      const cannot = "not a scalar that can be set";
      if (node2.kind === "alias") return fail2(`the value is ${aliasWords(file, document.root, node2, [], cannot)}`, node2.start);
      const what = { map: "a mapping", seq: "a list", scalar: "a block scalar (| or >), which is never edited" }[node2.kind];
      return fail2(`the value is ${what}, ${cannot}`, node2.start);
    }
    const plan = new EditPlan(file);
    const next = typeof value === "string" ? value : value(scalarText(node2), plan.versionNote(node2.start, path, void 0));
    if (next === void 0) return plan.result();
    const type = coreType(node2);
    if (type !== void 0 && !tagHolds(node2, next, options.typed === true)) {
      const asType = tagHolds(node2, next, true) && !options.configured;
      const how = asType ? `${options.typed === false ? "give the value unquoted" : "pass typed: true"} to set a ${type}, or drop the tag` : "drop the tag to set it";
      return fail2(`the value has the tag ${type}, which cannot hold ${asType ? "the string " : ""}${JSON.stringify(next)}: ${how}`, node2.start);
    }
    const { typed: typed2, misread, retyped } = typedWrite(node2, next, path, {
      ...options,
      tagField: TAG_KEYS.has(String(segments.at(-1))),
      given: typeof value === "string"
    });
    if (misread !== void 0) plan.warn(node2.start, misread);
    if (options.setsToo) warnStaleDigest(plan, document, segments, path, node2, next, { ...options, setsToo: options.setsToo });
    if (retyped !== void 0) plan.warn(node2.start, retyped);
    const asWritten2 = askedString(value, options) ? quotedOver(file, node2, next, inFlow) : void 0;
    if (asWritten2) plan.addSplice(asWritten2, { kind: "override", key: path, old: node2.text, new: asWritten2.insert.trim(), object: document.object });
    else plan.setScalar(node2, next, inFlow, { kind: "override", key: path, document }, typed2);
    const others = file.documents.slice(index2 + 1).flatMap((d, i) => "message" in lookUp(file, d.root, segments) ? [] : [index2 + i + 2]);
    if (others.length > 0) {
      plan.warn(
        node2.start,
        `${path} is also in document${others.length > 1 ? "s" : ""} ${others.join(", ")} of this file; only document ${index2 + 1}'s is set`
      );
    }
    return plan.result();
  }
  const missing = deepest ? segments.slice(deepest.depth) : [];
  const creatable = (deepest?.map !== void 0 || deepest?.fill !== void 0) && missing.every((segment2) => typeof segment2 === "string");
  if (options.create && creatable && deepest) {
    const next = typeof value === "string" ? value : value(void 0);
    if (next === void 0) return unchanged;
    const plan = new EditPlan(file);
    const keys = missing;
    const { map: map2, fill, document } = deepest;
    const written = askedString(value, options) && readsAsNonString(next) ? renderScalar(next, "plain", map2?.flow ?? false) : next;
    const change = { kind: "override", key: path, old: "", new: written, op: "create", object: document.object };
    if (map2) plan.addSplice(pairInsertion(file, map2, keys, next), change);
    else if (fill) plan.addSplice(nullFilling(file, fill, keys, next), change);
    return plan.result();
  }
  return fail2(
    deepest ? `${deepest.message}${creatable && !options.create ? ` ${createHint(deepest.creates ?? path, options.fieldName)}` : ""}` : "the file has no YAML document",
    deepest?.offset ?? 0
  );
}

// src/yaml/walk.ts
function forEachValue(root, visit3, childrenFirst = false) {
  if (root) walk(root, [], false, visit3, childrenFirst);
}
function walk(node2, path, inFlow, visit3, childrenFirst) {
  if (!childrenFirst) visit3({ node: node2, path, inFlow });
  if (node2.kind === "map") {
    const flow = inFlow || node2.flow;
    for (const pair of node2.pairs) {
      const key = scalarText(pair.key);
      if (key !== void 0 && pair.value) walk(pair.value, [...path, key], flow, visit3, childrenFirst);
    }
  } else if (node2.kind === "seq") {
    const flow = inFlow || node2.flow;
    const { items } = node2;
    for (let index2 = 0; index2 < items.length; index2++) walk(items[index2], [...path, index2], flow, visit3, childrenFirst);
  }
  if (childrenFirst) visit3({ node: node2, path, inFlow });
}

// src/yaml/alias.ts
var ANCHOR = /&([^\s,[\]{}]+)(?=[\s,\]}]|$)/g;
var anchorsOfFile = /* @__PURE__ */ new WeakMap();
function anchorsIn(file) {
  let anchors = anchorsOfFile.get(file);
  if (anchors === void 0) {
    const found = /* @__PURE__ */ new Map();
    for (const match of file.text.matchAll(ANCHOR)) {
      const offsets = found.get(match[1]);
      if (offsets) offsets.push(match.index);
      else found.set(match[1], [match.index]);
    }
    anchorsOfFile.set(file, anchors = found);
  }
  return anchors;
}
function anchorOf(file, alias) {
  const name = file.text.slice(alias.start + 1, alias.end);
  const offsets = anchorsIn(file).get(name) ?? [];
  const before = partitionPoint(offsets.length, (i) => offsets[i] < alias.start);
  return before === 0 ? void 0 : { name: `&${name}`, at: offsets[before - 1] };
}
var BEFORE_VALUE = /(?:[ \t\r\n]+|#[^\r\n]*|![^\s]*)*/y;
var valuesOfRoot = /* @__PURE__ */ new WeakMap();
function anchoredValue(file, root, alias) {
  const anchor = anchorOf(file, alias);
  if (anchor === void 0 || root === null) return void 0;
  BEFORE_VALUE.lastIndex = anchor.at + anchor.name.length;
  BEFORE_VALUE.test(file.text);
  const start = BEFORE_VALUE.lastIndex;
  let values = valuesOfRoot.get(root);
  if (values === void 0) {
    const byStart = /* @__PURE__ */ new Map();
    forEachValue(root, ({ node: node2, path }) => {
      if (node2.kind !== "alias" && !byStart.has(node2.start)) byStart.set(node2.start, { node: node2, path });
    });
    valuesOfRoot.set(root, values = byStart);
  }
  return values.get(start);
}
function scalarOf(file, root, node2) {
  const value = node2.kind === "alias" ? anchoredValue(file, root, node2)?.node : node2;
  return value?.kind === "scalar" ? value : void 0;
}
function aliasedFieldWords(path, line, anchor) {
  return `${formatPath(path)} (line ${line}), which every alias of ${anchor} follows`;
}

// src/yaml/readers.ts
var indexOfFile = /* @__PURE__ */ new WeakMap();
function indexOf(file) {
  let index2 = indexOfFile.get(file);
  if (index2 === void 0) indexOfFile.set(file, index2 = buildIndex(file));
  return index2;
}
function buildIndex(file) {
  const placed = /* @__PURE__ */ new Map();
  const mergers = /* @__PURE__ */ new Map();
  const aliases = /* @__PURE__ */ new Map();
  const holders = /* @__PURE__ */ new Map();
  const push = (map2, key, value) => {
    const list = map2.get(key);
    if (list) list.push(value);
    else map2.set(key, [value]);
  };
  for (const { root } of file.documents) {
    forEachValue(root, ({ node: map2, path, inFlow }) => {
      if (map2.kind !== "map") return;
      placed.set(map2, { map: map2, path, inFlow, root });
      if (hasMergeKey(map2)) for (const source of mergeSources(file, root, map2)) push(mergers, source.node, map2);
      for (const { key: keyNode, value } of map2.pairs) {
        const key = scalarText(keyNode);
        if (key === void 0 || value === null || isMergeKey2(keyNode)) continue;
        holders.set(value, { map: map2, key });
        const anchored2 = value.kind === "alias" ? anchoredValue(file, root, value) : void 0;
        if (value.kind === "alias" && anchored2) push(aliases, anchored2.node, { map: map2, key, alias: value });
      }
    });
  }
  return { placed, mergers, aliases, holders };
}
function readersOfValue(file, node2) {
  const holder = mayShare(file) ? indexOf(file).holders.get(node2) : void 0;
  return holder ? readersOf(file, holder.map, holder.key) : [];
}
function mayShare(file) {
  return file.text.includes("<<") || file.text.includes("&");
}
function readersOf(file, map2, key) {
  if (!mayShare(file)) return [];
  const index2 = indexOf(file);
  const place = index2.placed.get(map2);
  if (place === void 0) return [];
  const readers = [];
  const holder = mergedHolder(file, place.root, key, map2);
  const queue = [map2];
  const seen = new Set(queue);
  for (const source of queue) {
    for (const merger of index2.mergers.get(source) ?? []) {
      if (seen.has(merger)) continue;
      seen.add(merger);
      if (holder(merger) !== map2) continue;
      queue.push(merger);
      const at = merger.pairs.find((pair) => isMergeKey2(pair.key))?.key.start ?? merger.start;
      readers.push({ ...index2.placed.get(merger), key, at });
    }
  }
  const value = mapValue(map2, key);
  for (const { map: aliasing, key: as, alias } of (value && index2.aliases.get(value)) ?? []) {
    readers.push({ ...index2.placed.get(aliasing), key: as, alias, at: alias.start });
    readers.push(...readersOf(file, aliasing, as));
  }
  return readers;
}

// src/yaml/version-write.ts
function referenceOf(name, { tag, digest }) {
  return `${name}${tag ? `:${tag}` : ""}${digest ? `@${digest}` : ""}`;
}
function mergedHold(plan, { at, mapping, name, next }, writes2) {
  const behind = writes2.find(({ field: field2, node: node2, value }) => field2.merged && plan.valueOf(node2) !== value);
  if (!behind) return true;
  const pair = formatPath(mapping);
  const key = String(behind.field.path[behind.field.path.length - 1]);
  const from = formatPath(behind.field.path);
  const line = plan.file.lineAt(behind.node.start);
  plan.warn(
    at,
    `${pair} is not moved to ${referenceOf(name, next)}: ${mergedFromWords(key, from, line)}; add ${key}: to ${pair} to set it for this one alone, or set ${from} for all of them`,
    void 0,
    { reason: "unmoved", ...named(normalizeRepository(name), [line]) }
  );
  return false;
}
function sharedHold(plan, pair, writes2, adds, judge) {
  const fields = [
    ...writes2.flatMap(
      ({ field: field2, node: node2, value }) => !field2.merged && plan.valueOf(node2) !== value ? [
        {
          readers: () => readersOfValue(plan.file, node2),
          value,
          at: node2.start,
          named: `${formatPath(field2.path)} is also`,
          kept: plan.file.text.slice(node2.start, node2.end)
        }
      ] : []
    ),
    ...adds.map(({ map: map2, key, value }) => ({
      readers: () => readersOf(plan.file, map2, key),
      value,
      at: pair.at,
      named: `its ${key}, added to ${formatPath(pair.mapping)}, would also be`,
      kept: '""'
    }))
  ];
  for (const { readers, value, at, named: field2, kept } of fields) {
    const apart = readers().flatMap((reader) => {
      const read = judge(reader);
      return read && read.value !== value ? [{ reader, image: read.image }] : [];
    });
    if (apart.length === 0) continue;
    const lines = apart.map(({ reader }) => plan.file.lineAt(reader.at));
    const whose = apart.map(
      ({ reader, image }, i) => reader.alias ? `the ${reader.key} of ${image} at ${formatPath([...reader.path, reader.key])} (line ${lines[i]}, as ${aliasText(plan, reader.alias)})` : `the ${reader.key} of ${image} at ${formatPath(reader.path)} (line ${lines[i]}, through <<)`
    );
    const list = (items) => cappedList(items, void 0, { sentence: true });
    const merging = apart.filter(({ reader }) => !reader.alias).map(({ reader }) => reader);
    const advice = [
      ...merging.length > 0 ? [`add ${merging[0].key}: ${kept} to ${list(merging.map((reader) => formatPath(reader.path)))}`] : [],
      ...apart.flatMap(
        ({ reader }) => reader.alias ? [`write ${kept} in place of ${aliasText(plan, reader.alias)} at ${formatPath([...reader.path, reader.key])}`] : []
      )
    ];
    const [those, them] = apart.length > 1 ? ["those", "them"] : ["that one", "it"];
    plan.warn(
      at,
      `${formatPath(pair.mapping)} is not moved to ${referenceOf(pair.name, pair.next)}: ${field2} ${list(whose)}, and this run does not move ${those} the same way; ${andList(advice)} to keep ${them} apart`,
      void 0,
      { reason: "unmoved", ...named(normalizeRepository(pair.name), lines) }
    );
    return false;
  }
  return true;
}
function aliasText(plan, alias) {
  return plan.file.text.slice(alias.start, alias.end);
}
function mergedVersionNote(plan, at, mapping, field2, image) {
  const key = String(field2.path[field2.path.length - 1]);
  const from = formatPath(field2.path);
  const line = plan.file.lineAt(field2.node?.start ?? at);
  return (why, kind2) => plan.warn(at, `${formatPath(mapping)}: ${mergedFromWords(key, from, line)}, and it ${why}`, kind2, {
    field: from,
    reason: "version",
    said: why,
    ...named(image, [line])
  });
}
var FORMS = { alias: "an alias", scalar: "a block scalar", map: "a mapping", seq: "a list" };
function heldText(plan, root, node2) {
  if (node2?.kind !== "alias") return scalarText(node2);
  const anchored2 = anchoredValue(plan.file, root, node2)?.node;
  return isFlowScalar(anchored2) ? plan.valueOf(anchored2) : scalarText(anchored2);
}
function fixedVersion(plan, root, { at, mapping, keys }, fields, update, moves) {
  const fixed = fields.find((field2) => field2 !== void 0 && !isFlowScalar(field2.node));
  if (fixed === void 0) return false;
  if (!moves) return true;
  const { node: node2, path } = fixed;
  const key = String(path.at(-1));
  const { repository } = update.image;
  const alias = node2?.kind === "alias" ? node2 : void 0;
  const [anchor, anchored2] = alias ? [anchorOf(plan.file, alias), anchoredValue(plan.file, root, alias)] : [];
  const line = anchored2 && plan.file.lineAt(anchored2.node.start);
  const form = node2 === null ? "a key without a value" : alias ? `an alias (${aliasText(plan, alias)})` : FORMS[node2.kind];
  const orSet = anchor && anchored2 && line !== void 0 ? `, or set ${aliasedFieldWords(anchored2.path, line, anchor.name)}` : "";
  plan.warn(
    fixed.merged || node2 === null ? at : node2.start,
    `${formatPath(path)} is ${form}, which is never edited, so ${formatPath(mapping)} is not moved to ${referenceOf(repository, update.image)} (its ${keys[0]} and ${keys[1]} would name different builds); write ${key} as a plain or quoted string${orSet}`,
    void 0,
    { reason: "unmoved", ...named(normalizeRepository(repository), line === void 0 ? [] : [line]) }
  );
  return true;
}
function named(image, lines) {
  return { ...image !== void 0 && { image }, lines };
}
function claimedOwn(plan, fields) {
  return fields.some((field2) => !field2?.merged && plan.isClaimed(field2?.node));
}
function writeVersion(plan, pair, { writes: writes2, adds = [] }, judge, say, label) {
  if (!mergedHold(plan, pair, writes2) || !sharedHold(plan, pair, writes2, adds, judge)) return false;
  const unfit = writes2.find(({ field: field2, node: node2, value }) => !field2.merged && !tagHolds(node2, value));
  if (unfit) {
    plan.warn(unfit.node.start, tagWarning(formatPath(unfit.field.path), unfit.node, unfit.value));
    return false;
  }
  say();
  for (const { field: field2, node: node2, value } of writes2) if (!field2.merged) plan.setScalar(node2, value, field2.inFlow, { ...label, key: formatPath(field2.path) });
  for (const { map: map2, key, value } of adds) plan.addPair(map2, [key], value, { ...label, key: formatPath([...pair.mapping, key]) });
  return true;
}

// src/yaml/unset-fields.ts
function leftText(plan, root, node2) {
  return isFlowScalar(node2) ? plan.valueOf(node2) : heldText(plan, root, node2);
}
function warnUnset(plan, { start, image, repository }, fields, reason) {
  const unset = fields.filter((field2) => field2.value !== void 0 && field2.value !== field2.held);
  if (unset.length === 0) return;
  const named2 = [formatPath(unset[0].path), ...unset.slice(1).map((field2) => field2.key)].join(" and ");
  plan.warn(
    unset.find((field2) => field2.node)?.node?.start ?? start,
    `${named2} ${unset.length > 1 ? "are" : "is"} not set for ${image}: ${reason(unset)}`,
    void 0,
    { reason: "unmoved", image: repository }
  );
}
function markedReason(mapping, marked) {
  return (unset) => `${mapping} has a Flux marker on ${marked.join(" and ")}, so it is left to its markers, as Flux sets only the fields they mark; ${markAdvice(unset)} too to have ${unset.length > 1 ? "them" : "it"} set`;
}
function markAdvice(unset) {
  const written = unset.filter((field2) => field2.node !== void 0).map(({ key, suffix }) => `${key} (its setter's ":${suffix}")`);
  const missing = unset.filter((field2) => field2.node === void 0).map(({ key, suffix }) => `${key}: (marked with its setter's ":${suffix}")`);
  const listed = (verb, fields) => fields.length > 0 ? [`${verb} ${fields.join(" and ")}`] : [];
  return [...listed("mark", written), ...listed("add", missing)].join(" and ");
}

// src/yaml/helm.ts
function setHelmImage(image, incoming, plan, document, paired2) {
  const { repository, registry, tag, digest } = image;
  const repositoryNode = repository?.node;
  if (!tag || paired2 === void 0 && !isFlowScalar(repositoryNode)) return;
  const tagNode = tag.node;
  const marked = HELM_ROLES.filter((role) => claimedOwn(plan, [image[role]]));
  if (marked.length > 0) return warnLeftPair(image, marked, incoming, plan, document, paired2);
  const { root } = document;
  const registryRead = paired2 === void 0 ? readRegistry(plan.file, root, registry?.node, heldText(plan, root, registry?.node)) : void 0;
  if (isUnknownRegistry(registryRead)) return warnUnknownRegistry(registry, registryRead, scalarText(repositoryNode), tag, digest, plan, root, incoming);
  const name = paired2 ?? splitImageName(registryRead, scalarText(repositoryNode));
  const update = incoming.get(normalizeRepository(name) ?? "");
  if (!update) return;
  if (tagNode === null)
    return plan.warn(
      (repositoryNode ?? tag.node)?.start ?? 0,
      `${formatPath(tag.path)} has no value to set (a key without ':'): write it as tag: "" to have it set`
    );
  if (warnPlaceholderField({ tag, digest }, name, update, plan)) return;
  const digestNode = digest?.node;
  const { next, say: sayTo } = decide(update, tagText(plan, root, tagNode) ?? "", digest && heldText(plan, root, digestNode));
  const pairAt = ownStart(image) ?? tagNode.start;
  const pair = { at: pairAt, mapping: image.path ?? [], keys: ["tag", "digest"] };
  if (fixedVersion(plan, root, pair, [tag, digest], update, next !== void 0) || !isFlowScalar(tagNode)) return;
  const ofImage = update.image.repository;
  const atTag = tag.merged ? mergedVersionNote(plan, pairAt, image.path ?? [], tag, ofImage) : plan.versionNote(tagNode.start, formatPath(tag.path), ofImage);
  const say = () => sayTo(atTag, plan.versionNote(tag.merged ? pairAt : tagNode.start, formatPath(image.path?.length ? image.path : tag.path), ofImage));
  if (!next) return say();
  const writes2 = [
    { field: tag, node: tagNode, value: next.tag },
    { field: digest, node: isFlowScalar(digestNode) ? digestNode : void 0, value: next.digest }
  ].filter((w) => w.field !== void 0 && w.node !== void 0 && w.value !== void 0);
  writeVersion(plan, { ...pair, name, next }, { writes: writes2 }, helmReader(plan, incoming), say, { kind: "helm", document, repository: ofImage });
}
var HELM_ROLES = ["repository", "registry", "tag", "digest"];
function warnLeftPair(image, marked, incoming, plan, document, paired2) {
  const { root } = document;
  const { registry, repository, tag, digest } = image;
  const left = (field2) => leftText(plan, root, field2?.node);
  const registryRead = paired2 === void 0 ? readRegistry(plan.file, root, registry?.node, left(registry)) : void 0;
  if (isUnknownRegistry(registryRead)) {
    if (tag && !marked.includes("tag")) warnUnknownRegistry(registry, registryRead, left(repository) ?? "", tag, digest, plan, root, incoming);
    return;
  }
  const name = paired2 ?? splitImageName(registryRead, left(repository) ?? "");
  const update = incoming.get(normalizeRepository(name) ?? "");
  if (!update) return;
  const { next } = decide(update, tagText(plan, root, tag?.node) ?? "", digest && heldText(plan, root, digest.node));
  if (!next) return;
  const keyOf = (role) => image.path ? String(image[role].path.at(-1)) : role;
  const fields = ["tag", "digest"].filter((role) => image[role] !== void 0 && !marked.includes(role)).map((role) => {
    const field2 = image[role];
    return { key: keyOf(role), path: field2.path, node: field2.node, held: left(field2), value: next[role], suffix: role };
  });
  const at = {
    start: ownStart(image) ?? 0,
    image: formatImageRef({ name, tag: next.tag, digest: next.digest || void 0 }),
    repository: update.image.repository
  };
  warnUnset(plan, at, fields, markedReason(formatPath(image.path?.length ? image.path : tag?.path ?? []), marked.map(keyOf)));
}
function warnUnknownRegistry(registry, read, repository, tag, digest, plan, root, incoming) {
  const current = { tag: tagText(plan, root, tag.node) ?? "", digest: digest && heldText(plan, root, digest.node) };
  const images = unknownRegistryImages(repository, incoming.values(), current);
  const node2 = registry.node;
  if (images.length === 0 || !node2) return;
  const line = plan.file.lineAt(node2.start);
  const field2 = formatPath(registry.path);
  const tagKey = formatPath(tag.path);
  const message = unknownRegistryWarning({ field: field2, line, written: plan.file.text.slice(node2.start, node2.end), why: read.unknown }, repository, tagKey, images);
  plan.warn(ownStart({ tag, registry }) ?? node2.start, message, void 0, { field: tagKey, reason: "advised-override", image: images[0], lines: [line] });
}
function decide(update, tag, digest) {
  return nextSplitImage(update, { tag, digest });
}
function tagText(plan, root, node2) {
  const scalar2 = node2 ? scalarOf(plan.file, root, node2) : void 0;
  return scalar2 && readsAsNull(scalar2) ? "" : heldText(plan, root, node2);
}
function helmReader(plan, incoming) {
  return ({ map: map2, path, inFlow, root, key }) => {
    if (key !== "tag" && key !== "digest") return void 0;
    const held = (field2) => heldText(plan, root, field2?.node);
    const { registry, repository, tag, digest } = splitImage(fieldsOf(plan.file, root, map2, path, inFlow));
    const [repositoryText, tagHeld] = [held(repository), tagText(plan, root, tag?.node)];
    if (!repositoryText || tagHeld === void 0) return void 0;
    const registryRead = readRegistry(plan.file, root, registry?.node, held(registry));
    if (isUnknownRegistry(registryRead)) return { image: `${repositoryText} (its registry not known)`, value: void 0 };
    const name = splitImageName(registryRead, repositoryText);
    const update = incoming.get(normalizeRepository(name) ?? "");
    return { image: name, value: update && decide(update, tagHeld, digest && held(digest)).next?.[key] };
  };
}
function ownStart({ tag, repository, registry, digest }) {
  return [tag, repository, registry, digest].find((field2) => field2 && !field2.merged && field2.node)?.node?.start;
}
var editHelmValues = (file, request, plan) => {
  const incoming = byRepository(request.images);
  if (incoming.size === 0) return;
  file.documents.forEach((document, index2) => {
    const paired2 = request.pairedTags?.get(index2);
    forEachValue(
      document.root,
      ({ node: node2, path, inFlow }) => {
        if (node2.kind !== "map") return;
        const merges = hasMergeKey(node2);
        if (!merges && mapValue(node2, "tag") === void 0) return;
        if (merges && ![...SPLIT_IMAGE_KEYS].some((key2) => mapValue(node2, key2) !== void 0)) return;
        const image = splitImage(fieldsOf(file, document.root, node2, path, inFlow));
        const key = image.tag && !image.tag.merged ? formatPath(image.tag.path) : void 0;
        if (key !== void 0 && paired2?.has(key)) {
          const name = paired2.get(key);
          if (name !== void 0) setHelmImage({ path, ...image }, incoming, plan, document, name);
          return;
        }
        setHelmImage({ path, ...image }, incoming, plan, document);
      },
      true
    );
  });
};

// src/yaml/api-groups.ts
var KUSTOMIZE = "kustomize.config.k8s.io/";
var FLUX_KUSTOMIZE = "kustomize.toolkit.fluxcd.io/";
var FLUX_HELM = "helm.toolkit.fluxcd.io/";
var FLUX_IMAGE = "image.toolkit.fluxcd.io/";
var KCL_RUN = "krm.kcl.dev.fluxcd/";
var ARGO = "argoproj.io/";
var TEKTON = "tekton.dev/";
var SKAFFOLD = "skaffold/";
var HELM_CATTLE = "helm.cattle.io/";
var ARGO_IMAGE_UPDATER = "argocd-image-updater.argoproj.io/";
function inGroup(apiVersion, group) {
  return apiVersion?.startsWith(group) === true;
}
function isFluxKustomization({ apiVersion, kind: kind2 }) {
  return kind2 === "Kustomization" && inGroup(apiVersion, FLUX_KUSTOMIZE);
}
function isHelmRelease({ apiVersion, kind: kind2 }) {
  return kind2 === "HelmRelease" && inGroup(apiVersion, FLUX_HELM);
}

// src/yaml/json-patch.ts
var OPS2 = /* @__PURE__ */ new Set(["add", "remove", "replace", "move", "copy", "test"]);
function isOpList(root) {
  return root?.kind === "seq" && root.items.length > 0 && root.items.every((op) => op.kind === "map" && OPS2.has(scalarText(mapValue(op, "op")) ?? "") && scalarText(mapValue(op, "path"))?.startsWith("/"));
}
function pointerPath(pointer) {
  return pointer.split("/").slice(1).map((token) => token === "-" ? -1 : /^[0-9]+$/.test(token) ? Number(token) : token.replaceAll("~1", "/").replaceAll("~0", "~"));
}
function pointerOf(path) {
  return path.map((segment2) => `/${segment2 === -1 ? "-" : String(segment2).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}
function refusedOpList(text2, inline) {
  const read = inline ? text2.trim() : text2;
  if (!read.startsWith("[")) return false;
  try {
    return !Array.isArray(JSON.parse(read));
  } catch {
    return true;
  }
}

// src/yaml/renamed.ts
function warnRenamed(plan, incoming, fieldName, at, name, to) {
  const renamed = incoming.get(normalizeRepository(name) ?? "")?.image;
  if (!renamed || !to.pinned || to.tag === renamed.tag) return;
  plan.warn(at.start, `${formatPath(at.entry)} ${renamedWarning(renamed.repository, to.name, fieldName)}`, void 0, {
    field: formatPath(at.field),
    reason: "advised-override"
  });
}

// src/yaml/kustomize.ts
var KUSTOMIZATION_NAMES = /* @__PURE__ */ new Set(["kustomization.yaml", "kustomization.yml", "Kustomization"]);
function isKustomizationFile(path) {
  return KUSTOMIZATION_NAMES.has(path.slice(path.lastIndexOf("/") + 1));
}
var KUSTOMIZATION_FIELDS = new Map([
  ...["resources", "bases", "components", "patches", "patchesStrategicMerge", "patchesJson6902"].map((key) => [key, "seq"]),
  ...["configMapGenerator", "secretGenerator", "helmCharts", "generators", "transformers", "replacements"].map((key) => [key, "seq"]),
  ...["namePrefix", "nameSuffix"].map((key) => [key, "scalar"])
]);
var KUSTOMIZE_IMAGE_FIELDS = ["newName", "newTag", "digest"];
var IMAGE_ENTRY_FIELDS = /* @__PURE__ */ new Set(["name", "tagSuffix", ...KUSTOMIZE_IMAGE_FIELDS]);
var ENTRY_FIELDS = ["name", ...KUSTOMIZE_IMAGE_FIELDS];
var VERSION_FIELDS = ["newTag", "digest"];
function looksLikeKustomization(root) {
  if (root?.kind !== "map") return false;
  const images = mapValue(root, "images");
  const entries = images?.kind === "seq" ? images.items.filter((entry) => entry.kind === "map") : [];
  if (entries.some((entry) => entry.pairs.some((pair) => !isMergeKey2(pair.key) && !IMAGE_ENTRY_FIELDS.has(scalarText(pair.key) ?? "")))) return false;
  return root.pairs.some((pair) => KUSTOMIZATION_FIELDS.get(scalarText(pair.key) ?? "") === pair.value?.kind) || entries.some((entry) => KUSTOMIZE_IMAGE_FIELDS.some((key) => mapValue(entry, key) !== void 0));
}
function isKustomization(document, file) {
  const { apiVersion, kind: kind2 } = document.object;
  if (inGroup(apiVersion, KUSTOMIZE)) return kind2 === void 0 || kind2 === "Kustomization" || kind2 === "Component";
  if (apiVersion === void 0 && kind2 === void 0) return file === void 0 ? looksLikeKustomization(document.root) : isKustomizationFile(file);
  return apiVersion === void 0 ? kind2 === "Kustomization" || kind2 === "Component" : isFluxKustomization(document.object);
}
function imageLists(document, file) {
  if (isHelmRelease(document.object)) {
    const renderers = nodeAt(document.root, ["spec", "postRenderers"]);
    return renderers?.kind === "seq" ? renderers.items.map((_, i) => ["spec", "postRenderers", i, "kustomize", "images"]) : [];
  }
  if (!isKustomization(document, file)) return [];
  return isFluxKustomization(document.object) ? [["spec", "images"]] : [["images"]];
}
var editKustomizeImages = (file, request, plan) => {
  const incoming = byRepository(request.images);
  if (incoming.size === 0) return;
  for (const document of file.documents) {
    for (const path of imageLists(document, request.file)) {
      const list = nodeAt(document.root, path);
      if (list?.kind === "seq") editList(list.items, path, document, incoming, plan, request.fieldName);
    }
  }
};
function editList(entries, path, document, incoming, plan, fieldName) {
  entries.forEach((entry, index2) => {
    if (entry.kind !== "map") return;
    const at = [...path, index2];
    const read = fieldsOf(plan.file, document.root, entry, at, false);
    const field2 = (key) => read(key)?.node;
    const site = { start: entry.start, at, read };
    const marked = ENTRY_FIELDS.filter((key) => claimedOwn(plan, [read(key)]));
    if (marked.length > 0) return warnLeftEntry(plan, document, site, incoming, marked, markedReason(formatPath(at), marked));
    const newName = scalarText(field2("newName"));
    const name = newName || scalarText(field2("name")) || "";
    const update = incoming.get(normalizeRepository(name) ?? "");
    if (update && !scalarText(field2("name")))
      return warnLeftEntry(
        plan,
        document,
        site,
        incoming,
        [],
        () => `${formatPath(at)} has no name, so kustomize sets it on no image; write the name of the image it replaces (name:)`
      );
    if (!update) {
      if (newName)
        warnRenamed(plan, incoming, fieldName, { start: entry.start, entry: at, field: [...at, "newTag"] }, scalarText(field2("name")) ?? "", {
          name: newName,
          tag: scalarText(field2("newTag")),
          pinned: field2("newTag") !== void 0 || field2("digest") !== void 0
        });
      return;
    }
    if (warnPlaceholderField({ tag: read("newTag"), digest: read("digest") }, name, update, plan, true)) return;
    const current = versionOf(heldText(plan, document.root, field2("newTag")), heldText(plan, document.root, field2("digest")));
    const mapping = { at: entry.start, mapping: at, keys: VERSION_FIELDS };
    if (fixedVersion(plan, document.root, mapping, VERSION_FIELDS.map(read), update, nextVersion(update, current) !== void 0)) return;
    const { next, say: sayTo } = pendingVersion(update, current);
    const tag = read("newTag");
    const say = () => sayTo(
      tag?.merged ? mergedVersionNote(plan, entry.start, at, tag, update.image.repository) : plan.versionNote(entry.start, formatPath(at), update.image.repository)
    );
    if (!next) return say();
    const values = entryValues(next, !!field2("digest"));
    const writes2 = [];
    const adds = [];
    for (const key of VERSION_FIELDS) {
      const [f, value] = [read(key), values[key]];
      if (value === void 0) continue;
      if (f === void 0) adds.push({ map: entry, key, value });
      else if (isFlowScalar(f.node)) writes2.push({ field: f, node: f.node, value });
    }
    writeVersion(plan, { at: entry.start, mapping: at, name, next }, { writes: writes2, adds }, entryReader(plan, incoming), say, {
      kind: "kustomize",
      document,
      repository: update.image.repository
    });
  });
}
function warnLeftEntry(plan, document, { start, at, read }, incoming, skip, reason) {
  const written = (key) => heldText(plan, document.root, read(key)?.node);
  const held = (key) => leftText(plan, document.root, read(key)?.node);
  const name = held("newName") || held("name") || "";
  const update = incoming.get(normalizeRepository(name) ?? "");
  const next = update && pendingVersion(update, versionOf(written("newTag"), written("digest"))).next;
  if (!next) return;
  const values = entryValues(next, read("digest") !== void 0);
  const fields = VERSION_FIELDS.filter((key) => !skip.includes(key)).map((key) => ({
    key,
    path: [...at, key],
    node: read(key)?.node,
    held: held(key),
    value: values[key],
    suffix: MARKER_SUFFIX[key]
  }));
  warnUnset(plan, { start, image: formatImageRef({ name, ...next }), repository: update.image.repository }, fields, reason);
}
var MARKER_SUFFIX = { newTag: "tag", digest: "digest" };
function entryValues(next, hasDigest) {
  return { newTag: next.tag, digest: next.digest ?? (hasDigest ? "" : void 0) };
}
function entryReader(plan, incoming) {
  return ({ map: map2, path, inFlow, root, key }) => {
    if (key !== "newTag" && key !== "digest") return void 0;
    const read = fieldsOf(plan.file, root, map2, path, inFlow);
    const field2 = (name2) => read(name2)?.node;
    const text2 = (name2) => {
      const node2 = field2(name2);
      return node2 ? scalarOf(plan.file, root, node2)?.text : void 0;
    };
    const name = text2("newName") || text2("name");
    if (!name) return void 0;
    const update = incoming.get(normalizeRepository(name) ?? "");
    const next = update && pendingVersion(update, versionOf(text2("newTag"), text2("digest"))).next;
    return { image: name, value: next && entryValues(next, !!field2("digest"))[key] };
  };
}

// src/yaml/images.ts
var editImages = (file, request, plan) => {
  const incoming = byRepository(request.images);
  if (incoming.size === 0) return;
  for (const document of file.documents) {
    const lists = imageLists(document, request.file);
    if (inGroup(document.object.apiVersion, FLUX_IMAGE)) continue;
    if (isOpList(document.root)) continue;
    const fields = [];
    forEachValue(document.root, (field2) => {
      if (field2.path[field2.path.length - 1] === "image" && !lists.some((list) => hasPrefix(field2.path, list))) fields.push(field2);
    });
    const aliased = new Set(
      fields.flatMap(({ node: node2, path }) => node2.kind === "alias" && inContainerSpec(path) ? bareAnchored(file, document, node2)?.node ?? [] : [])
    );
    for (const { node: node2, path, inFlow } of fields) {
      if (node2.kind === "alias") warnAliased(file, document, node2, path, incoming, plan, request.kustomizeTagged);
      else if (isFlowScalar(node2) && hasPlaceholder(node2.text)) warnSubstituted(node2, path, incoming, plan);
      else if (!aliased.has(node2) && !warnMerged(file, { node: node2, path }, incoming, plan, request.kustomizeTagged))
        setImageScalar({ node: node2, path, inFlow }, "image", inContainerSpec(path), incoming, plan, document, request.kustomizeTagged);
    }
  }
};
function bareOutside(field2) {
  if (!field2 || !isFlowScalar(field2.node) || field2.path[field2.path.length - 1] !== "image" || inContainerSpec(field2.path)) return void 0;
  const ref = tryParseImageRef(field2.node.text);
  return ref && ref.tag === void 0 && ref.digest === void 0 ? { ...field2, node: field2.node, ref } : void 0;
}
function bareAnchored(file, document, alias) {
  return bareOutside(anchoredValue(file, document.root, alias));
}
function warnMerged(file, field2, incoming, plan, kustomizeTagged2) {
  const bare = bareOutside(field2);
  const containers = bare ? readersOfValue(file, bare.node).filter((reader) => !reader.alias && inContainerSpec([...reader.path, reader.key])) : [];
  const update = bare && incoming.get(bare.ref.repository);
  if (!bare || !update) return containers.length > 0;
  const [from, line] = [formatPath(bare.path), file.lineAt(bare.node.start)];
  const how = { of: "is merged (<<), holding", that: `is merged (<<) from ${from} (line ${line}), which` };
  for (const { path, key, at } of containers)
    warnBareRead(plan, at, [...path, key], how, bare, update, `${from} (line ${line}), ${MERGE_SHARED}`, kustomizeTagged2);
  return containers.length > 0;
}
function warnBareRead(plan, at, path, how, bare, update, where2, kustomizeTagged2) {
  if (RETAGGED_LISTS.has(inContainerSpec(path)) && kustomizeTagged2?.has(bare.ref.name)) {
    const reason = kustomizeTagged2.get(bare.ref.name);
    return reason === void 0 ? void 0 : plan.warn(at, `${formatPath(path)} ${how.that} ${reason}`);
  }
  const next = nextReference(update, bare.ref);
  const line = plan.file.lineAt(bare.node.start);
  if (next)
    plan.warn(
      at,
      `${formatPath(path)} ${how.of} ${bare.node.text}, which has no tag or digest and is written outside a container spec, so it is given none: write ${next} at ${where2}`,
      void 0,
      { reason: "unmoved", image: update.image.repository, lines: [line] }
    );
}
function warnAliased(file, document, alias, path, incoming, plan, kustomizeTagged2) {
  const written = file.text.slice(alias.start, alias.end);
  const bare = inContainerSpec(path) ? bareAnchored(file, document, alias) : void 0;
  const update = bare && incoming.get(bare.ref.repository);
  if (bare && update) {
    const anchor = anchorOf(file, alias);
    const where2 = anchor && aliasedFieldWords(bare.path, file.lineAt(bare.node.start), anchor.name);
    const how = { of: `is an alias (${written}) of`, that: `is an alias (${written}) that` };
    if (where2) warnBareRead(plan, alias.start, path, how, bare, update, where2, kustomizeTagged2);
    return;
  }
  const anchored2 = anchoredValue(file, document.root, alias);
  if (!anchored2 || !isFlowScalar(anchored2.node) || anchored2.path[anchored2.path.length - 1] === "image") return;
  const ref = tryParseImageRef(anchored2.node.text);
  if (!ref || !incoming.has(ref.repository)) return;
  const line = file.lineAt(anchored2.node.start);
  plan.warn(
    alias.start,
    `${formatPath(path)} is ${written}, an alias of ${formatPath(anchored2.path)} (line ${line}), which holds ${anchored2.node.text} and is no image field: aliases are never followed, so it does not move; write the image here, or mark ${formatPath(anchored2.path)} with a Flux marker`,
    void 0,
    { reason: "unmoved", image: ref.repository, lines: [line] }
  );
}
function setImageScalar(field2, kind2, container, incoming, plan, document, kustomizeTagged2) {
  const { node: node2, path } = field2;
  if (node2?.kind !== "scalar" || plan.isClaimed(node2)) return;
  if (!isFlowScalar(node2)) return warnBlock(node2, path, incoming, plan);
  const ref = tryParseImageRef(node2.text);
  const update = ref && incoming.get(ref.repository);
  if (!ref || !update) return;
  if (ref.tag === void 0 && ref.digest === void 0) {
    if (!container) return warnBare(node2, path, ref, kind2 === "image" ? bareImageRole(document, path) : void 0, update, plan);
    if (RETAGGED_LISTS.has(container) && kustomizeTagged2?.has(ref.name)) {
      const reason = kustomizeTagged2.get(ref.name);
      return reason === void 0 ? void 0 : plan.warn(node2.start, `${formatPath(path)} ${reason}`);
    }
  }
  const next = nextReference(update, ref, plan.versionNote(node2.start, formatPath(path), update.image.repository));
  if (next) plan.setScalar(node2, next, field2.inFlow, { kind: kind2, key: formatPath(path), document });
}
function warnBlock(node2, path, incoming, plan) {
  const written = node2.text.trim();
  const ref = tryParseImageRef(written);
  const update = ref && incoming.get(ref.repository);
  const next = update && nextReference(update, ref);
  if (!next) return;
  const { text: text2 } = plan.file;
  const at = text2.indexOf(written.split("\n", 1)[0], text2.indexOf("\n", node2.start));
  plan.warn(
    at < 0 ? node2.start : at,
    `${formatPath(path)} is a block scalar, which is never edited, so it is not moved to ${next}; write it as a plain or quoted string`
  );
}
function bareImageRole(document, path) {
  const { apiVersion, kind: kind2 } = document.object;
  const [holder, index2] = [path.at(-3), path.at(-2)];
  const inList = (lists) => typeof index2 === "number" && typeof holder === "string" && lists.includes(holder);
  if (inGroup(apiVersion, TEKTON)) return inList(["steps", "sidecars"]) || index2 === "stepTemplate" ? "runs-latest" : void 0;
  if (inGroup(apiVersion, ARGO) && kind2 !== void 0 && WORKFLOW_KINDS.has(kind2))
    return inList(["sidecars"]) || index2 === "container" || index2 === "script" ? "runs-latest" : void 0;
  if (inGroup(apiVersion, SKAFFOLD) && path.length === 4 && path[0] === "build" && path[1] === "artifacts") return "built";
  const service = path.length === 3 && path[0] === "services" ? nodeAt(document.root, path.slice(0, 2)) : void 0;
  return service?.kind === "map" && mapValue(service, "build") !== void 0 ? "built" : void 0;
}
var WORKFLOW_KINDS = /* @__PURE__ */ new Set(["Workflow", "WorkflowTemplate", "ClusterWorkflowTemplate", "CronWorkflow"]);
function warnBare(node2, path, ref, role, update, plan) {
  if (role === "built") return;
  if (role === "runs-latest") {
    const next = nextReference(update, ref);
    if (next)
      plan.warn(
        node2.start,
        `${formatPath(path)} holds ${ref.name} with no tag or digest, so it runs as ${ref.name}:latest; left as it is: write ${next} there to run that version`,
        void 0,
        { reason: "unmoved", image: ref.repository }
      );
    return;
  }
  const { message, about } = bareFieldWarning(formatPath(path), ref.repository);
  plan.warn(node2.start, message, void 0, about);
}
var CONTAINER_LISTS = /* @__PURE__ */ new Set(["containers", "initContainers", "ephemeralContainers"]);
var RETAGGED_LISTS = /* @__PURE__ */ new Set(["containers", "initContainers"]);
function inContainerSpec(path) {
  const list = path[path.length - 3];
  return typeof path[path.length - 2] === "number" && typeof list === "string" && CONTAINER_LISTS.has(list) && list;
}

// src/yaml/argocd-unpaired.ts
var NOT_VERSIONS = /* @__PURE__ */ new Set(["registry", "pullPolicy", "digest", "repository", "name"]);
function warnUnpairedRepositories(parameters, incoming, plan) {
  const byPrefix = /* @__PURE__ */ new Map();
  for (const parameter of parameters) {
    const [prefix] = leafOf(parameter[0]);
    byPrefix.set(prefix, [...byPrefix.get(prefix) ?? [], parameter]);
  }
  for (const [name, field2] of parameters) {
    const node2 = field2.node;
    if (!isFlowScalar(node2) || plan.isClaimed(node2)) continue;
    const ref = tryParseImageRef(node2.text);
    if (!ref || ref.tag !== void 0 || ref.digest !== void 0 || !incoming.has(ref.repository)) continue;
    const [prefix, leaf] = leafOf(name);
    const group = byPrefix.get(prefix);
    if ((leaf === "repository" || leaf === "name") && group.some(([other]) => leafOf(other)[1] === "tag")) continue;
    const likely = group.filter(([other, f]) => other !== name && !plan.isClaimed(f.node) && readsAsTag(other, f.node));
    const [tagName, tagField] = likely[0] ?? [];
    if (!tagName || !tagField || !isFlowScalar(tagField.node)) continue;
    if (hasPlaceholder(tagField.node.text) || nextVersion(incoming.get(ref.repository), versionOf(tagField.node.text, void 0)) === void 0) continue;
    const which = likely.length === 1 ? `parameter ${parameterName(tagName)} beside it likely holds its tag` : `one of the parameters ${likely.map(([n]) => parameterName(n)).join(", ")} beside it likely holds its tag`;
    const { advice, about } = overrideAdvice(formatPath(tagField.path), ref.repository, { part: "tag" });
    plan.warn(
      node2.start,
      `${formatPath(field2.path)} (parameter ${parameterName(name)}) holds ${ref.repository} with no tag, under a name no rule pairs with a tag; ${which}, and it was not moved: ${advice}`,
      void 0,
      about
    );
  }
}
function readsAsTag(name, value) {
  const [, leaf] = leafOf(name);
  return !NOT_VERSIONS.has(leaf) && (/tag|version/i.test(leaf) || holdsVersion(value));
}
function holdsVersion(node2) {
  return isFlowScalar(node2) && isTag(node2.text) && /^v?\d+\.\d/.test(node2.text);
}
function overrideAdvice(key, repository, { file, part, subject = "it" } = {}) {
  const entry = `${file === void 0 ? "" : `file: ${file}, `}spec: ${key}, image: ${repository}${part === void 0 ? "" : `, part: ${part}`}`;
  return {
    advice: `set ${subject} with an overrides: entry in the configuration (${entry})`,
    about: { field: key, reason: "advised-override" }
  };
}

// src/yaml/argocd-parameters.ts
var ARGO_KUSTOMIZE_IMAGE = /(?:^|\.)kustomize\.images\.\d+$/;
function sourcesOf(document) {
  const { apiVersion, kind: kind2 } = document.object;
  if (apiVersion === void 0 && kind2 === void 0) return [[], ...chartSources(document.root)];
  if (!inGroup(apiVersion, ARGO)) return [];
  const spec = kind2 === "Application" ? ["spec"] : kind2 === "ApplicationSet" ? ["spec", "template", "spec"] : void 0;
  return spec ? specSources(document.root, spec) : [];
}
function specSources(root, spec) {
  const sources = nodeAt(root, [...spec, "sources"]);
  const many = sources?.kind === "seq" ? sources.items.map((_, i) => [...spec, "sources", i]) : [];
  return [[...spec, "source"], ...many];
}
function chartSources(root) {
  const specs = [];
  for (const [list, spec] of [
    ["applications", []],
    ["applicationsets", ["template", "spec"]]
  ]) {
    const entries = nodeAt(root, [list]);
    if (entries?.kind === "map") for (const pair of entries.pairs) specs.push([list, scalarText(pair.key) ?? "", ...spec]);
    if (entries?.kind === "seq") entries.items.forEach((_, i) => specs.push([list, i, ...spec]));
  }
  return specs.flatMap((spec) => specSources(root, spec));
}
var PARAMETER_KEYS = /* @__PURE__ */ new Set(["name", "value", "forceString", "forcestring"]);
function parametersAt(root, source) {
  const path = [...source, "helm", "parameters"];
  const list = nodeAt(root, path);
  if (list?.kind !== "seq") return [];
  const isParameter = (item) => item.kind === "map" && item.pairs.every((pair) => PARAMETER_KEYS.has(scalarText(pair.key) ?? ""));
  if (source.length === 0 && !list.items.every(isParameter)) return [];
  const parameters = [];
  list.items.forEach((item, index2) => {
    if (item.kind !== "map") return;
    const name = scalarText(mapValue(item, "name"));
    const value = mapValue(item, "value");
    if (name !== void 0 && value !== void 0) parameters.push([name, { node: value, path: [...path, index2, "value"], inFlow: list.flow || item.flow }]);
  });
  return parameters;
}
function valuesObjectAt(file, root, source, keys) {
  return fieldsAt(file, root, source, ["helm", "valuesObject", ...keys]);
}
function parameterName(name) {
  return /^[\w.\\[\]/-]+$/.test(name) ? name : JSON.stringify(name);
}
function leafOf(name) {
  for (let i = name.length - 1; i > 0; i--) if (name[i] === "." && name[i - 1] !== "\\") return [name.slice(0, i), name.slice(i + 1)];
  return ["", name];
}
function indexedParameter(file, path) {
  const [helm, parameters, index2, leaf] = path.slice(-4);
  if (helm !== "helm" || parameters !== "parameters" || typeof index2 !== "number" || leaf !== "value") return void 0;
  for (const { root } of file.documents) {
    const item = nodeAt(root, path.slice(0, -1));
    if (item?.kind !== "map") continue;
    const value = mapValue(item, "value");
    if (value === void 0) continue;
    const name = scalarText(mapValue(item, "name"));
    return name === void 0 ? void 0 : { name, value, start: (value ?? item).start };
  }
  return void 0;
}
function mayNameParameter(path) {
  return /parameters\[\d+\]\.value$/.test(path);
}
function misaimedOverride(file, path, { part, repository, image }) {
  const parameter = indexedParameter(file, parsePath(path));
  if (!parameter) return void 0;
  const { name, value, start } = parameter;
  const holds2 = tryParseImageRef(scalarText(value) ?? "")?.repository;
  const reads = part === "tag" ? readsAsTag(name, value) : holds2 !== void 0 && (holds2 === repository || holds2 === normalizeRepository(image)) || /image/i.test(leafOf(name)[1]);
  if (reads) return void 0;
  const what = part === "tag" ? `holds no version and is not named like a tag: its configured override for the tag of ${repository}` : `holds no reference of ${repository} and is not named like an image: its configured override`;
  return {
    line: file.lineAt(start),
    message: `${path} is parameter ${parameterName(name)}, which ${what} is not applied: a parameter added above the one it was written for moves what an index names; correct the index`
  };
}

// src/yaml/values-strings.ts
var VALUES_EDITORS = [editImages, editHelmValues];
function notEdited(path, what, instead, fieldName = byFlag) {
  return `${formatPath(path)} is a string, which is not edited: ${what} in it keeps its old image; ${instead} (${fieldName("set")} can only replace the whole string)`;
}
function warnYamlString(document, path, request, plan, kind2) {
  const values = nodeAt(document.root, path);
  if (values?.kind !== "scalar" || values.text === "") return false;
  const images = request.images.filter(({ image }) => values.text.includes(image.repository.slice(image.repository.lastIndexOf("/") + 1)));
  if (images.length === 0) return false;
  const inner = tryYamlFile(kind2.header + values.text);
  if (!inner) return false;
  const [first, last] = [plan.file.lineAt(values.start), plan.file.lineAt(values.end)];
  const lines = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  let warned = false;
  for (const update of images) {
    const dryRun = new EditPlan(inner);
    for (const editor of kind2.editors) editor(inner, { images: [update], setters: /* @__PURE__ */ new Map() }, dryRun);
    const keys = dryRun.result().changes.map((change) => change.key);
    if (keys.length === 0) continue;
    plan.warn(values.start, notEdited(path, keys.join(", "), kind2.instead, request.fieldName), void 0, {
      reason: "unmoved",
      image: update.image.repository,
      lines
    });
    warned = true;
  }
  return warned;
}
var VALUES_HOLDERS = [
  {
    holds: ({ object }) => object.apiVersion === "v1" && (object.kind === "ConfigMap" || object.kind === "Secret"),
    strings: ({ root, object }) => keysOf(root, object.kind === "Secret" ? "stringData" : "data"),
    kind: { header: "", editors: VALUES_EDITORS, instead: "give those values where they are edited (a HelmRelease's spec.values, a values file)" }
  },
  {
    holds: ({ object }) => inGroup(object.apiVersion, HELM_CATTLE) && (object.kind === "HelmChart" || object.kind === "HelmChartConfig"),
    strings: () => [["spec", "valuesContent"]],
    kind: { header: "", editors: VALUES_EDITORS, instead: "change it by hand: no field of a HelmChart is edited" },
    also: warnSetPairs
  }
];
function keysOf(root, field2) {
  const map2 = nodeAt(root, [field2]);
  return map2?.kind === "map" ? map2.pairs.flatMap((pair) => pair.key.kind === "scalar" ? [[field2, pair.key.text]] : []) : [];
}
var warnValuesStrings = (file, request, plan) => {
  if (request.images.length === 0) return;
  for (const document of file.documents) {
    const holder = VALUES_HOLDERS.find(({ holds: holds2 }) => holds2(document));
    if (!holder) continue;
    for (const path of holder.strings(document)) warnYamlString(document, path, request, plan, holder.kind);
    holder.also?.(document, request, plan);
  }
};
function warnSetPairs(document, request, plan) {
  const set2 = nodeAt(document.root, ["spec", "set"]);
  if (set2?.kind !== "map") return;
  const incoming = byRepository(request.images);
  const byKey = new Map(set2.pairs.flatMap((pair) => pair.key.kind === "scalar" ? [[pair.key.text, pair.value]] : []));
  const text2 = (key) => {
    const node2 = byKey.get(key);
    return isFlowScalar(node2) ? scalarText(node2) : void 0;
  };
  for (const [key, node2] of byKey) {
    const [prefix, leaf] = leafOf(key);
    const repository = leaf === "repository" ? text2(key) : void 0;
    const at = (name) => prefix === "" ? name : `${prefix}.${name}`;
    const registry = text2(at("registry"));
    const written = repository && (registry ? `${registry}/${repository}` : repository);
    const ref = written && tryParseImageRef(written);
    const update = ref && incoming.get(ref.repository);
    const tagKey = at("tag");
    const tag = byKey.get(tagKey);
    if (!update || !node2 || !isFlowScalar(tag) || nextVersion(update, versionOf(text2(tagKey), text2(at("digest")))) === void 0) continue;
    const tagPath = formatPath(["spec", "set", tagKey]);
    const { advice, about } = overrideAdvice(tagPath, update.image.repository, { ...request.file && { file: request.file }, part: "tag", subject: tagPath });
    plan.warn(
      tag.start,
      `${tagPath} sets the tag of ${written} (${formatPath(["spec", "set", key])}) as a Helm --set key, which no rule reads as a pair: it keeps ${tag.text}; ${advice}`,
      void 0,
      { ...about, image: update.image.repository, lines: [plan.file.lineAt(node2.start)] }
    );
  }
}

// src/yaml/argocd-strings.ts
var VALUES_STRING = {
  header: "",
  editors: VALUES_EDITORS,
  instead: "give those values in valuesObject or a values file instead, where they are edited"
};
var TEMPLATE_PATCH = {
  header: `apiVersion: ${ARGO}v1alpha1
kind: Application
`,
  editors: VALUES_EDITORS,
  instead: "set those values in the template, where they are edited, or from the generator's parameters"
};
function warnValuesString(document, source, request, plan) {
  warnYamlString(document, [...source, "helm", "values"], request, plan, VALUES_STRING);
}
function valuesStringNotEdited(path, what, fieldName) {
  return notEdited(path, what, VALUES_STRING.instead, fieldName);
}
function warnTemplatePatch(document, incoming, request, plan, argoEditors) {
  const path = ["spec", "templatePatch"];
  const patch = nodeAt(document.root, path);
  if (patch?.kind !== "scalar") return;
  if (warnYamlString(document, path, request, plan, { ...TEMPLATE_PATCH, editors: [...TEMPLATE_PATCH.editors, ...argoEditors] })) return;
  const stale = staleImageIn(patch.text, incoming);
  if (stale) return plan.warn(patch.start, notEdited(path, formatImageRef(stale), TEMPLATE_PATCH.instead, request.fieldName));
  if (!patch.text.includes("tag")) return;
  const held = templateRepository(document.root, incoming);
  const tag = held && patchedTag(patch.text, held.prefix);
  if (!held || !tag) return;
  const update = incoming.get(held.repository);
  if (!hasPlaceholder(tag.value)) {
    if (nextVersion(update, versionOf(tag.value, void 0)) === void 0) return;
    return plan.warn(
      patch.start,
      `${formatPath(path)} is a string, which is not edited: its ${tag.what} sets a version over the template of ${held.repository} for every app its generator makes; set it in the template, where it is edited, or from the generator's parameters`
    );
  }
  const elements = staleElements(document.root, tag.value, "tag", update);
  if (elements?.length)
    plan.warn(
      patch.start,
      `${formatPath(path)}: its ${tag.what} sets the version of ${held.repository} from the generator's elements, which are not edited: ${elementsHolding(elements)}; set it there`
    );
}
function templateRepository(root, incoming) {
  const template = nodeAt(root, ["spec", "template"]);
  let found;
  forEachValue(template ?? null, ({ node: node2, path }) => {
    const ref = found === void 0 && isFlowScalar(node2) ? tryParseImageRef(node2.text) : void 0;
    if (ref && incoming.has(ref.repository)) found = { repository: ref.repository, ...prefixOf(template ?? null, path) };
  });
  return found;
}
function prefixOf(template, path) {
  const values = path.indexOf("valuesObject");
  if (values > 0 && path[values - 1] === "helm" && ["repository", "name"].includes(String(path.at(-1))))
    return { prefix: path.slice(values + 1, -1).join(".") };
  const item = path.at(-1) === "value" && path.at(-3) === "parameters" ? nodeAt(template, path.slice(0, -1)) : void 0;
  const name = item?.kind === "map" ? scalarText(mapValue(item, "name")) : void 0;
  const [prefix, leaf] = name === void 0 ? [] : leafOf(name);
  return leaf === "repository" || leaf === "name" ? { prefix } : {};
}
function patchedTag(text2, prefix) {
  if (prefix === void 0) return void 0;
  const name = prefix === "" ? "tag" : `${prefix}.tag`;
  const file = tryYamlFile(TEMPLATE_PATCH.header + text2);
  const document = file?.documents[0];
  if (file && document) {
    for (const source of sourcesOf(document)) {
      const parameter2 = parametersAt(document.root, source).findLast(([other]) => other === name)?.[1].node;
      if (isFlowScalar(parameter2)) return { what: `parameter ${parameterName(name)}`, value: parameter2.text };
      const values = valuesObjectAt(file, document.root, source, prefix === "" ? [] : prefix.split("."))?.("tag")?.node;
      if (isFlowScalar(values)) return { what: "tag: key", value: values.text };
    }
    return void 0;
  }
  const parameter = new RegExp(`name\\s*:\\s*["']?${escapeRegExp(name)}["']?\\s*[,\\n][^]*?value\\s*:\\s*(["']?)([^"'\\s,}#]*)\\1`).exec(text2);
  if (parameter) return { what: `parameter ${parameterName(name)}`, value: parameter[2] };
  const key = /^\s*tag\s*:\s*(["']?)([^"'\s,}#]*)\1/m.exec(text2);
  return key ? { what: "tag: key", value: key[2] } : void 0;
}

// src/yaml/argocd.ts
var editArgoCdImages = (file, request, plan) => {
  const incoming = byRepository(request.images);
  if (incoming.size === 0) return;
  for (const document of file.documents) {
    for (const source of sourcesOf(document)) {
      const path = [...source, "kustomize", "images"];
      const list = nodeAt(document.root, path);
      if (list?.kind !== "seq") continue;
      if (source.length === 0 && !list.items.every((item) => item?.kind === "scalar")) continue;
      list.items.forEach((entry, index2) => {
        if (!isFlowScalar(entry) || plan.isClaimed(entry)) return;
        const eq = literalIndexOf(entry.text, "=");
        if (hasPlaceholder(entry.text.slice(eq + 1))) return warnSubstituted(entry, [...path, index2], incoming, plan);
        if (entry.text.startsWith("*", eq + 1)) return setKeptName(entry, [...path, index2], list.flow, incoming, plan, document);
        const ref = tryParseImageRef(entry.text.slice(eq + 1));
        const update = ref && incoming.get(ref.repository);
        if (!ref || !update) {
          if (ref && eq > 0)
            warnRenamed(plan, incoming, request.fieldName, { start: entry.start, entry: [...path, index2], field: [...path, index2] }, entry.text.slice(0, eq), {
              name: ref.name,
              tag: ref.tag,
              pinned: ref.tag !== void 0 || ref.digest !== void 0
            });
          return;
        }
        if (ref.tag === void 0 && ref.digest === void 0) return;
        const key = formatPath([...path, index2]);
        const next = nextReference(update, ref, plan.versionNote(entry.start, key, update.image.repository));
        if (next) plan.setScalar(entry, entry.text.slice(0, eq + 1) + next, list.flow, { kind: "kustomize", key, document });
      });
    }
  }
};
function setKeptName(entry, path, inFlow, incoming, plan, document) {
  const named2 = namedImageString(entry.text);
  const update = named2?.ref && incoming.get(named2.ref.repository);
  if (!update) return;
  const key = formatPath(path);
  const next = nextVersion(update, named2.version, plan.versionNote(entry.start, key, update.image.repository));
  if (next) plan.setScalar(entry, withVersion(named2, next), inFlow, { kind: "kustomize", key, document });
}
function namedImageString(text2) {
  const eq = literalIndexOf(text2, "=");
  if (eq <= 0) return void 0;
  const name = text2.slice(0, eq);
  if (!text2.startsWith("*", eq + 1)) {
    const ref2 = tryParseImageRef(text2.slice(eq + 1));
    return ref2 && { head: `${name}=${ref2.name}`, version: versionOf(ref2.tag, ref2.digest), ref: ref2 };
  }
  const after = text2.slice(eq + 2);
  const version = after === "" ? void 0 : tryParseImageRef(`x${after}`);
  const ref = tryParseImageRef(name + after);
  return version && { head: `${name}=*`, version: versionOf(version.tag, version.digest), ref: ref?.name === name ? ref : void 0 };
}
function withVersion(named2, next) {
  return named2.head + formatImageRef({ name: "", ...next });
}
var editArgoCdHelm = (file, request, plan) => {
  const incoming = byRepository(request.images);
  if (incoming.size === 0) return;
  for (const document of file.documents) {
    for (const source of sourcesOf(document)) {
      const parameters = parametersAt(document.root, source);
      for (const [name, field2] of parameters) {
        if (leafOf(name)[1] !== "image") continue;
        if (isFlowScalar(field2.node) && hasPlaceholder(field2.node.text)) warnSubstituted(field2.node, field2.path, incoming, plan);
        else setImageScalar(field2, "helm", false, incoming, plan, document);
      }
      for (const image of parameterImages(parameters, file, document.root, source)) setHelmImage(image, incoming, plan, document);
      warnUnpairedRepositories(parameters, incoming, plan);
      if (source.length > 0) warnValuesString(document, source, request, plan);
    }
    if (document.object.kind === "ApplicationSet" && inGroup(document.object.apiVersion, ARGO))
      warnTemplatePatch(document, incoming, request, plan, [editArgoCdImages, editArgoCdHelm]);
  }
};
function parameterImages(parameters, file, root, source) {
  const byPrefix = /* @__PURE__ */ new Map();
  for (const [name, field2] of parameters) {
    const [prefix, leaf] = leafOf(name);
    const fields = byPrefix.get(prefix) ?? /* @__PURE__ */ new Map();
    byPrefix.set(prefix, fields.set(leaf, field2));
  }
  for (const [prefix, fields] of byPrefix) {
    const [outer, leaf] = leafOf(prefix);
    const beside = leaf === IMAGE_KEY ? byPrefix.get(outer) : void 0;
    if (beside && !beside.has(IMAGE_KEY)) beside.set(IMAGE_KEY, fields.values().next().value);
  }
  return [...byPrefix].map(([prefix, fields]) => {
    if (!fields.has("tag") || fields.has("repository") || fields.has("name")) return imageOf(fields);
    const read = valuesObjectAt(file, root, source, prefix === "" ? [] : prefix.split("."));
    if (!read) return imageOf(fields);
    const merged = /* @__PURE__ */ new Map();
    for (const key of ["registry", "repository", "name", IMAGE_KEY]) {
      const field2 = read(key);
      if (field2) merged.set(key, field2);
    }
    for (const [leaf, field2] of fields) merged.set(leaf, field2);
    return imageOf(merged);
  });
}
function imageOf(fields) {
  return splitImage((key) => fields.get(key));
}

// src/yaml/patch-directive.ts
var DIRECTIVE = "$patch";
function directiveOf(root, node2, path) {
  if (node2.kind !== "map") return void 0;
  if (typeof path[path.length - 1] === "number" && !builtInKind(root)) return void 0;
  return scalarText(mapValue(node2, DIRECTIVE));
}
function deletesKey(root, node2, path) {
  if (node2.kind !== "scalar" || !readsAsNull(node2) || path.length === 0) return false;
  return !path.some((segment2) => typeof segment2 === "number") || builtInKind(root);
}
function builtInKind(root) {
  const apiVersion = root?.kind === "map" ? scalarText(mapValue(root, "apiVersion")) : void 0;
  if (apiVersion === void 0) return false;
  const slash = apiVersion.lastIndexOf("/");
  const group = slash < 0 ? "" : apiVersion.slice(0, slash);
  return !group.includes(".") || group.endsWith(".k8s.io");
}
var leaveDeleted = (file, _request, plan) => {
  for (const { root } of file.documents) {
    forEachValue(root, ({ node: node2, path }) => {
      if (directiveOf(root, node2, path) === "delete") forEachValue(node2, (within2) => plan.claim(within2.node));
    });
  }
};

// src/yaml/inline-patch.ts
var editInlinePatches = (file, request, plan) => {
  const incoming = byRepository(request.images);
  if (incoming.size === 0) return;
  file.documents.forEach((document, index2) => {
    const paired2 = request.pairedTags?.get(index2);
    if (isOpList(document.root)) {
      if (refusedOpList(file.text, false)) plan.warn(document.root.start, refusedWarning("this patch file"));
      else editOps(document, incoming, plan, request.kustomizeTagged, paired2);
    }
    for (const patch of patchStrings(document, request.file)) if (!plan.isClaimed(patch.node)) editPatch(file, patch, document, request, plan, paired2);
  });
};
function patchStrings(document, file) {
  const found = [];
  const inList = (path, field2, kind2) => {
    const list = nodeAt(document.root, path);
    if (list?.kind !== "seq") return;
    list.items.forEach((item, index2) => {
      const node2 = field2 === void 0 ? item : item.kind === "map" ? mapValue(item, field2) : void 0;
      const inFlow = list.flow || item.kind === "map" && item.flow;
      if (node2?.kind === "scalar") found.push({ node: node2, path: field2 === void 0 ? [...path, index2] : [...path, index2, field2], kind: kind2, inFlow });
    });
  };
  if (isHelmRelease(document.object)) {
    const renderers = nodeAt(document.root, ["spec", "postRenderers"]);
    if (renderers?.kind === "seq") renderers.items.forEach((_, i) => inList(["spec", "postRenderers", i, "kustomize", "patches"], "patch", "either"));
    return found;
  }
  for (const source of sourcesOf(document)) inList([...source, "kustomize", "patches"], "patch", "either");
  if (!isKustomization(document, file)) return found;
  if (isFluxKustomization(document.object)) {
    inList(["spec", "patches"], "patch", "either");
    return found;
  }
  inList(["patches"], "patch", "either");
  inList(["patchesStrategicMerge"], void 0, "strategic-merge");
  inList(["patchesJson6902"], "patch", "json6902");
  return found;
}
function editPatch(file, patch, document, request, plan, paired2) {
  const key = formatPath(patch.path);
  if (patch.kind !== "strategic-merge" && refusedOpList(patch.node.text, true)) {
    plan.claim(patch.node);
    return plan.warn(patch.node.start, refusedWarning(key));
  }
  const content = tryYamlFile(patch.node.text);
  if (!content) return;
  const inner = new EditPlan(content);
  const ops = patch.kind !== "strategic-merge" && content.documents[0]?.root?.kind === "seq";
  const within2 = (text2) => ops ? `${key}${text2}` : `${key}: ${text2}`;
  const prefix = within2("");
  const own = paired2 && new Map([...paired2].flatMap(([at, name]) => at.startsWith(prefix) ? [[at.slice(prefix.length), name]] : []));
  const patchRequest = { ...request, file: void 0 };
  const innerRequest = own?.size ? { ...patchRequest, pairedTags: /* @__PURE__ */ new Map([[0, own]]) } : { ...patchRequest, pairedTags: void 0 };
  if (ops) editOps(content.documents[0], byRepository(request.images), inner, request.kustomizeTagged, own);
  else if (patch.kind !== "json6902") {
    leaveDeleted(content, patchRequest, inner);
    editImages(content, patchRequest, inner);
  }
  if (ops || patch.kind !== "json6902") editHelmValues(content, innerRequest, inner);
  const { changes, warnings } = inner.edits();
  if (changes.length === 0 && warnings.length === 0) return;
  const placement = placementOf(file, patch);
  if (typeof placement === "string") {
    if (changes.length > 0) {
      const name = ({ change }) => change.kind === "helm" ? change.key : tryParseImageRef(change.old)?.name ?? change.old;
      const names = [...new Set(changes.map(name))].join(", ");
      plan.warn(
        patch.node.start,
        `${key} holds ${names} in a ${placement}, which is not edited; write the patch as a literal block scalar (|) to have its image updated`
      );
    }
    for (const { message, kind: kind2 } of warnings) plan.warn(patch.node.start, within2(message), kind2);
    return;
  }
  plan.claim(patch.node);
  for (const { splice, change } of changes) {
    plan.addSplice(
      { start: placement.at(splice.start), end: placement.at(splice.end), insert: placement.escape(splice.insert) },
      { ...change, key: within2(change.key), object: document.object }
    );
  }
  for (const { offset, message, kind: kind2 } of warnings) plan.warn(placement.at(offset), within2(message), kind2);
}
function refusedWarning(what) {
  return `${what} starts with "[", so kustomize reads it as JSON, which it is not: kubectl kustomize fails the build ("unable to parse SM or JSON patch"), so nothing in it is edited or read as applying; write it as JSON, every key and string in double quotes ([{"op": "replace", \u2026}]), or as a YAML list (- op: replace)`;
}
var VALUE_OPS = /* @__PURE__ */ new Set(["add", "replace"]);
function editOps(document, incoming, plan, kustomizeTagged2, paired2) {
  const list = document.root;
  if (list?.kind !== "seq") return;
  list.items.forEach((op, index2) => {
    if (op.kind !== "map") return;
    const name = scalarText(mapValue(op, "op"));
    const pointer = scalarText(mapValue(op, "path"));
    const value = mapValue(op, "value");
    if (pointer === void 0 || !value || name !== "test" && !VALUE_OPS.has(name ?? "")) return;
    const target = pointerPath(pointer);
    forEachValue(value, ({ node: node2, path, inFlow }) => {
      const at = [...target, ...path];
      const key = [index2, "value", ...path];
      if (name === "test") {
        plan.claim(node2);
        if (at[at.length - 1] === "image" || node2.kind === "map") warnTest(node2, key, document.root, incoming, plan);
        return;
      }
      const field2 = { node: node2, path: key, inFlow: inFlow || list.flow || op.flow };
      const alone = path.length === 0 ? paired2?.get(formatPath(key)) : void 0;
      if (alone !== void 0) return setHelmImage({ tag: field2 }, incoming, plan, document, alone);
      if (at[at.length - 1] !== "image") return;
      setImageScalar(field2, "image", inContainerSpec(at), incoming, plan, document, kustomizeTagged2);
    });
  });
}
function warnTest(node2, key, root, incoming, plan) {
  const held = testedImage(node2, plan.file, root, incoming);
  if (held === void 0) return;
  plan.warn(
    node2.start,
    `${formatPath(key)} holds ${held} in a test op, which is left as it is (it tests the resource before the patch); if this run moves the field it tests (in the base, say), kustomize fails the test: update its value or drop the op`
  );
}
function testedImage(node2, file, root, incoming) {
  if (isFlowScalar(node2)) {
    const ref = tryParseImageRef(node2.text);
    const update2 = ref && incoming.get(ref.repository);
    return update2 && nextReference(update2, ref) !== void 0 ? node2.text : void 0;
  }
  if (node2.kind !== "map") return void 0;
  const image = splitImage((key) => mapValue(node2, key));
  const [repository, tag] = [image.repository, image.tag].map(scalarText);
  const name = repository && pairName(readRegistry(file, root, image.registry), repository);
  const update = name && tag ? incoming.get(normalizeRepository(name) ?? "") : void 0;
  return update && nextVersion(update, versionOf(tag, void 0)) !== void 0 ? `${name}:${tag}` : void 0;
}
function placementOf(file, patch) {
  const { node: node2, inFlow } = patch;
  const literal2 = node2.style === "literal" ? literalPlacement(file.text, node2) : void 0;
  if (literal2) return literal2;
  const form = scalarForm(node2, file.text.slice(node2.start, node2.end), inFlow);
  if (form !== void 0) return form;
  if (!isFlowScalar(node2) || node2.style === "plain") return "plain string";
  const render = (text2) => renderScalar(text2, node2.style, inFlow);
  return { at: (offset) => node2.start + render(node2.text.slice(0, offset)).length - 1, escape: (text2) => render(text2).slice(1, -1) };
}
function literalPlacement(text2, node2) {
  const lines = node2.text.split("\n");
  const starts = [];
  let inText = 0;
  let lineStart = text2.indexOf("\n", node2.start) + 1;
  let indent;
  for (const line of lines) {
    const newline = text2.indexOf("\n", lineStart);
    const lineEnd = newline < 0 ? text2.length : newline;
    const raw = text2.slice(lineStart, text2[lineEnd - 1] === "\r" ? lineEnd - 1 : lineEnd);
    if (line !== "") {
      indent ??= raw.slice(0, raw.length - line.length);
      if (!/^ *$/.test(indent) || raw !== indent + line) return void 0;
    }
    starts.push({ inText, inFile: lineStart + (indent?.length ?? 0) });
    inText += line.length + 1;
    lineStart = lineEnd + 1;
  }
  return {
    at(offset) {
      let k = 0;
      while (k + 1 < starts.length && starts[k + 1].inText <= offset) k++;
      return starts[k].inFile + offset - starts[k].inText;
    },
    escape: (inserted) => inserted
  };
}

// src/image/marker.ts
var MARKER_KEY = "$imagepolicy";
var MARKER_TOKEN = JSON.stringify(MARKER_KEY);
function lineMarkers(text2) {
  const found = [];
  let lines;
  for (let at = text2.indexOf(MARKER_TOKEN); at >= 0; at = text2.indexOf(MARKER_TOKEN, at + MARKER_TOKEN.length)) {
    lines ??= new LineIndex(text2);
    const line = lines.lineAt(at);
    const start = lines.lineStart(line);
    const head = text2.slice(start, at);
    const opening = /#+\s*\{\s*$/.exec(head);
    const before = opening && head.slice(0, opening.index).trim();
    if (!opening || !before || before.startsWith("#")) continue;
    const reading = readMarker(text2.slice(start + opening.index, lines.lineStart(line + 1) ?? text2.length).trimEnd());
    if (reading && "marker" in reading) found.push({ marker: reading.marker, line, before });
  }
  return found;
}
function readMarker(comment) {
  const body = comment.replace(/^#+/, "");
  const fields = stringObject(body);
  if (typeof fields === "string") return singleQuoted2(body) ?? (body.includes(MARKER_TOKEN) ? { error: malformed(body, fields) } : void 0);
  const setter = fields.get(MARKER_KEY);
  if (setter === void 0) return void 0;
  const parts = /^([^:\s\p{Cc}]+:[^:\s\p{Cc}]+)(?::(tag|name|digest))?$/u.exec(setter);
  if (!parts) return { error: malformed(body, `"${setter}" is not <namespace>:<policy> optionally followed by :tag, :name or :digest`) };
  return { marker: { key: parts[1], field: parts[2] ?? "ref", setter } };
}
function singleQuoted2(body) {
  if (!body.includes("'")) return void 0;
  const json = body.replaceAll("'", '"');
  const reading = readMarker(json);
  if (reading === void 0 || !("marker" in reading)) return void 0;
  return {
    ignored: oneLine(
      `${body.trim()} is no Flux setter marker: Flux reads a marker as JSON, whose strings are double-quoted, so it ignores this one and the value is treated as unmarked; write # ${json.trim()}`
    )
  };
}
function stringObject(text2) {
  let parsed;
  try {
    parsed = JSON.parse(text2);
  } catch {
    return "it is not one JSON object";
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return "it is not one JSON object";
  const fields = /* @__PURE__ */ new Map();
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== "string" && value !== null) return `the value of "${key}" is not a string`;
    fields.set(key, value ?? "");
  }
  return fields;
}
function malformed(body, reason) {
  return oneLine(`malformed Flux setter marker ${body.trim()}: ${reason}; Flux ignores it, so the value is left as it is`);
}
function unknownSetterWarning(marker, known) {
  if (!known?.has(marker.key)) return `no image is configured for Flux setter "${marker.setter}"; the marked value is left as it is`;
  const why = known.get(marker.key);
  return why === void 0 ? void 0 : `Flux setter "${marker.setter}" ${why}`;
}
function refVersion(text2) {
  const ref = tryParseImageRef(text2);
  return versionOf(ref?.tag, ref?.digest);
}
function isRefused(update, current, note) {
  return nextVersion(update, current, note) === void 0 && nextVersion({ image: update.image }, current) !== void 0;
}
function groupVersion(fields) {
  const text2 = (field2) => fields.find((f) => f.marker.field === field2)?.text || void 0;
  const plain = text2("ref");
  const ref = plain === void 0 ? {} : refVersion(plain);
  return versionOf(partOf("tag", text2("tag")) ?? ref.tag, partOf("digest", text2("digest")) ?? ref.digest);
}
function partOf(field2, text2) {
  if (text2 === void 0 || (field2 === "tag" ? isTag(text2) : isDigest(text2))) return text2;
  const ref = tryParseImageRef(text2);
  return ref ? ref[field2] : field2 === "tag" ? text2 : void 0;
}
function markedValues(groups, kept) {
  const refusedByKey = /* @__PURE__ */ new Map();
  const decisions = groups.map(({ update, fields }) => {
    const key = fields[0].marker.key;
    const current = groupVersion(fields);
    const hasTag = fields.some((f) => f.marker.field === "ref" || f.marker.field === "tag");
    if (hasTag && !refusedByKey.has(key)) refusedByKey.set(key, isRefused(update, current));
    return { update, fields, key, current, hasTag };
  });
  return decisions.map(({ update, fields, key, current, hasTag }) => {
    const tagField = fields.find((f) => f.marker.field === "tag");
    const refused = hasTag ? isRefused(update, current, tagField && kept && ((why, kind2) => kept(tagField, why, kind2))) : refusedByKey.get(key) ?? false;
    const next = refused ? void 0 : nextVersion(update, current);
    const pinnedBeside = fields.some((f) => f.marker.field === "ref" || f.marker.field === "digest");
    if (next && tagField && kept && update.image.tag === void 0 && !pinnedBeside)
      kept(tagField, noDigestFieldWarning(update.image, `a digest field beside the tag, marked {"$imagepolicy": "${key}:digest"}, would take it`));
    return fields.map((field2) => markedValue(field2, update, next, refused, kept && ((why, kind2) => kept(field2, why, kind2))));
  });
}
function imagesOf(fields) {
  const images = [];
  let image = [];
  for (const field2 of fields) {
    if (image.some((f) => f.marker.field === field2.marker.field)) {
      images.push(image);
      image = [];
    }
    image.push(field2);
  }
  images.push(image);
  return images;
}
function markedValue({ marker, text: text2 }, update, next, refused, note) {
  switch (marker.field) {
    case "ref": {
      const own = refVersion(text2);
      if (isRefused(update, own, note)) return void 0;
      return formatImageRef({ name: update.image.name, ...nextVersion(update, own) ?? own });
    }
    case "tag":
      return next?.tag;
    case "digest":
      return next ? next.digest ?? "" : void 0;
    case "name":
      return refused ? void 0 : update.image.name;
  }
}
var MarkedFields = class {
  constructor(request) {
    this.request = request;
  }
  request;
  /** By document and setter key, in the order first met. */
  groups = /* @__PURE__ */ new Map();
  add(site) {
    const { key } = site.marker;
    if (!this.request.setters.has(key)) {
      const warning = unknownSetterWarning(site.marker, this.request.knownSetters);
      if (warning) site.warn(warning);
    } else if ("refusal" in site) {
      site.warn(site.refusal);
    } else {
      const groupKey = `${site.document} ${key}`;
      const group = this.groups.get(groupKey) ?? [];
      if (group.length === 0) this.groups.set(groupKey, group);
      group.push(site);
    }
  }
  /** Writes every field whose value moves: the fields of one image of a setter in one document decide together (markedValues). */
  writeAll() {
    const groups = [...this.groups.values()].flatMap(imagesOf);
    const values = markedValues(
      groups.map((fields) => ({ update: this.request.setters.get(fields[0].marker.key), fields })),
      (field2, why, kind2) => field2.warn(`Flux setter "${field2.marker.setter}" ${why}`, kind2)
    );
    groups.forEach(
      (fields, g) => fields.forEach((field2, f) => {
        const value = values[g][f];
        if (value !== void 0) field2.write(value);
      })
    );
  }
};

// src/text/escaped-edit.ts
function escapedEdit(decoded, after, encode2) {
  const { text: before, map: map2 } = decoded;
  let same = 0;
  while (same < before.length && same < after.length && before[same] === after[same]) same++;
  let tail = 0;
  while (tail < before.length - same && tail < after.length - same && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  while (same > 0 && map2[same] === map2[same - 1]) same--;
  while (tail > 0 && map2[before.length - tail] === map2[before.length - tail - 1]) tail--;
  const insert = encode2(after.slice(same, after.length - tail));
  return insert === void 0 ? void 0 : { start: map2[same], end: map2[before.length - tail], insert };
}

// src/text/word-screen.ts
function wordScreen(words) {
  const needles = [...new Set(words)].map((word) => {
    const rare = word.search(/[/$]/);
    return { word, anchor: rare > 0 ? word.slice(rare) : void 0 };
  });
  return (text2) => needles.some(({ word, anchor }) => (anchor === void 0 || text2.includes(anchor)) && text2.includes(word));
}

// src/kcl/source.ts
function sourceStart(text2) {
  return text2.charCodeAt(0) === 65279 ? 1 : 0;
}
var SourceText = class {
  constructor(text2) {
    this.text = text2;
  }
  text;
  #lines;
  /** UTF-16 indexes of non-ASCII code units, and the extra UTF-8 bytes accumulated after each. */
  #wideAt;
  #wideExtra;
  /** 1-based line of a UTF-16 index. LF, CRLF and CR all end a line, as editors show lines (to KCL's lexer a lone CR is whitespace). */
  line(index2) {
    return this.lines().lineAt(index2);
  }
  /** 1-based column (in UTF-16 code units) of an index; a leading BOM, which no editor shows, is not counted. */
  column(index2) {
    return this.lines().columnAt(index2);
  }
  /** Index where the line holding `index` starts: on the first, past a byte order mark, which is no part of it (KCL reads past it). */
  lineStart(index2) {
    const line = this.line(index2);
    return line === 1 ? sourceStart(this.text) : this.lines().lineStart(line);
  }
  /** Index just after the line terminator of the line holding `index` (or the text's end). */
  nextLineStart(index2) {
    return this.lines().lineStart(this.line(index2) + 1) ?? this.text.length;
  }
  /** Index where the line holding `index` ends, before its terminator. */
  lineEnd(index2) {
    const text2 = this.text;
    let i = index2;
    while (i < text2.length && text2.charCodeAt(i) !== 10 && text2.charCodeAt(i) !== 13) i++;
    return i;
  }
  /** The first line terminator of the file, the one edits use for new lines: LF or CRLF, as a lone CR ends no line to KCL. */
  lineEnding() {
    const m = /\r?\n/.exec(this.text);
    return m ? m[0] : "\n";
  }
  /** UTF-8 byte offset of a UTF-16 index. */
  byteOffset(index2) {
    this.buildWide();
    const at = this.#wideAt;
    const before = partitionPoint(at.length, (i) => at[i] < index2);
    return index2 + (before === 0 ? 0 : this.#wideExtra[before - 1]);
  }
  /** UTF-16 index of a UTF-8 byte offset that starts a character. */
  indexOfByte(byte) {
    this.buildWide();
    const at = this.#wideAt;
    const extra = this.#wideExtra;
    const before = partitionPoint(at.length, (i) => at[i] + extra[i] < byte);
    return byte - (before === 0 ? 0 : extra[before - 1]);
  }
  lines() {
    return this.#lines ??= new LineIndex(this.text);
  }
  buildWide() {
    if (this.#wideAt) return;
    const at = [];
    const extra = [];
    const text2 = this.text;
    let total = 0;
    const wide = /[\u0080-\uffff]/g;
    for (let m = wide.exec(text2); m; m = wide.exec(text2)) {
      const c = text2.charCodeAt(m.index);
      total += c < 2048 ? 1 : c >= 55296 && c <= 57343 ? 1 : 2;
      at.push(m.index);
      extra.push(total);
    }
    this.#wideAt = Int32Array.from(at);
    this.#wideExtra = Int32Array.from(extra);
  }
};

// src/kcl/tokenizer.ts
var T = {
  EOF: 0,
  Name: 1,
  Number: 2,
  String: 3,
  Newline: 4,
  Indent: 5,
  Dedent: 6,
  LParen: 10,
  RParen: 11,
  LBracket: 12,
  RBracket: 13,
  LBrace: 14,
  RBrace: 15,
  Comma: 16,
  Colon: 17,
  Semicolon: 18,
  Dot: 19,
  Assign: 20,
  AugAssign: 21,
  PlusAssign: 22,
  Arrow: 23,
  At: 24,
  Question: 25,
  QuestionDot: 26,
  Ellipsis: 27,
  Star: 28,
  DoubleStar: 29,
  Minus: 30,
  Plus: 31,
  Tilde: 32,
  Operator: 33
};
var StringFlag = { Raw: 1, Triple: 2, Interpolated: 4, SingleQuote: 8 };
var C = { Other: 0, Ident: 1, Digit: 2, Quote: 3, Space: 4, Newline: 5, Hash: 6, Backslash: 7, Dollar: 8 };
var CLASS = new Uint8Array(128);
var IDENT_PART = new Uint8Array(128);
var STRING_SPECIAL = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = c >= 97 && c <= 122 || c >= 65 && c <= 90 || c === 95;
  const digit = c >= 48 && c <= 57;
  IDENT_PART[c] = letter || digit ? 1 : 0;
  CLASS[c] = letter ? C.Ident : digit ? C.Digit : c === 34 || c === 39 ? C.Quote : c === 32 || c === 9 || c === 11 || c === 12 ? C.Space : c === 10 || c === 13 ? C.Newline : c === 35 ? C.Hash : c === 92 ? C.Backslash : c === 36 ? C.Dollar : C.Other;
  STRING_SPECIAL[c] = c === 92 || c === 34 || c === 39 || c === 10 || c === 13 || c === 36 ? 1 : 0;
}
function isIdentStart(c) {
  return c < 128 && CLASS[c] === C.Ident;
}
function isIdentPart(c) {
  return c < 128 && IDENT_PART[c] === 1;
}
var UNICODE_ID_START = new RegExp("\\p{ID_Start}", "u");
function isSpace(c) {
  return c < 128 ? CLASS[c] === C.Space : c === 133 || c === 8206 || c === 8207 || c === 8232 || c === 8233;
}
var UNICODE_ID_CONTINUE = new RegExp("\\p{ID_Continue}", "u");
var Landmarks = class {
  #text = "";
  #newline = -1;
  #cr = -1;
  #backslash = -1;
  #dollar = -1;
  reset(text2) {
    this.#text = text2;
    this.#newline = this.#cr = this.#backslash = this.#dollar = -1;
  }
  #find(char, at) {
    const found = this.#text.indexOf(char, at);
    return found < 0 ? this.#text.length : found;
  }
  /** First `\n` or `\r` at or after `at` (the text's length if none): where a single-quoted string must have ended. */
  lineEnd(at) {
    if (this.#cr < at) this.#cr = this.#find("\r", at);
    return Math.min(this.lineFeed(at), this.#cr);
  }
  /** First `\n` at or after `at` (the text's length if none). */
  lineFeed(at) {
    if (this.#newline < at) this.#newline = this.#find("\n", at);
    return this.#newline;
  }
  backslash(at) {
    if (this.#backslash < at) this.#backslash = this.#find("\\", at);
    return this.#backslash;
  }
  dollar(at) {
    if (this.#dollar < at) this.#dollar = this.#find("$", at);
    return this.#dollar;
  }
};
var landmarks = new Landmarks();
var TokenBuffer = class {
  count = 0;
  last = -1;
  kind = new Uint8Array(1 << 12);
  start = new Int32Array(1 << 12);
  end = new Int32Array(1 << 12);
  flags = new Uint8Array(1 << 12);
  match = new Int32Array(1 << 12);
  commentStart = new Int32Array(16);
  commentEnd = new Int32Array(16);
  commentCount = 0;
  reset(textLength) {
    this.count = 0;
    this.last = -1;
    this.commentCount = 0;
    while (this.kind.length < 64 + textLength / 3) this.grow();
  }
  push(k, s, e, f) {
    if (this.count === this.kind.length) this.grow();
    const i = this.count++;
    this.kind[i] = k;
    this.start[i] = s;
    this.end[i] = e;
    this.flags[i] = f;
    this.last = k;
  }
  grow() {
    const capacity = this.kind.length * 2;
    const kind2 = new Uint8Array(capacity);
    kind2.set(this.kind);
    this.kind = kind2;
    const start = new Int32Array(capacity);
    start.set(this.start);
    this.start = start;
    const end = new Int32Array(capacity);
    end.set(this.end);
    this.end = end;
    const flags = new Uint8Array(capacity);
    flags.set(this.flags);
    this.flags = flags;
    const match = new Int32Array(capacity);
    match.set(this.match);
    this.match = match;
  }
  comment(s, e) {
    if (this.commentCount === this.commentStart.length) {
      const starts = new Int32Array(this.commentCount * 2);
      starts.set(this.commentStart);
      this.commentStart = starts;
      const ends = new Int32Array(this.commentCount * 2);
      ends.set(this.commentEnd);
      this.commentEnd = ends;
    }
    this.commentStart[this.commentCount] = s;
    this.commentEnd[this.commentCount] = e;
    this.commentCount++;
  }
  /** Copy out the used part: two allocations (bytes, then 32-bit integers), the arrays are views. */
  finish(source) {
    const { count, commentCount } = this;
    const bytes = new Uint8Array(2 * count);
    bytes.set(this.kind.subarray(0, count));
    bytes.set(this.flags.subarray(0, count), count);
    const ints = new Int32Array(3 * count + 2 * commentCount);
    ints.set(this.start.subarray(0, count));
    ints.set(this.end.subarray(0, count), count);
    ints.set(this.match.subarray(0, count), 2 * count);
    ints.set(this.commentStart.subarray(0, commentCount), 3 * count);
    ints.set(this.commentEnd.subarray(0, commentCount), 3 * count + commentCount);
    return {
      source,
      count,
      kind: bytes.subarray(0, count),
      start: ints.subarray(0, count),
      end: ints.subarray(count, 2 * count),
      flags: bytes.subarray(count),
      match: ints.subarray(2 * count, 3 * count),
      commentStart: ints.subarray(3 * count, 3 * count + commentCount),
      commentEnd: ints.subarray(3 * count + commentCount),
      commentCount
    };
  }
};
var buffer = new TokenBuffer();
function fail(source, index2, message) {
  throw new SourceError(message, source.line(index2), source.column(index2));
}
function unexpectedCharacter(cp) {
  return `unexpected character ${JSON.stringify(String.fromCodePoint(cp))} (U+${cp.toString(16).toUpperCase().padStart(4, "0")})`;
}
function tryTokenize(text2) {
  try {
    return tokenize(text2);
  } catch (error) {
    if (error instanceof SourceError) return void 0;
    throw error;
  }
}
function tokenize(text2) {
  const source = new SourceText(text2);
  const n = text2.length;
  const out = buffer;
  out.reset(n);
  landmarks.reset(text2);
  const openBrackets = [];
  const indentTabs = [0];
  const indentSpaces = [0];
  const openIndents = [];
  let i = sourceStart(text2);
  let atLineStart = false;
  while (true) {
    if (atLineStart && openBrackets.length === 0) {
      let tabs = 0;
      let spaces = 0;
      let j = i;
      for (; j < n; j++) {
        const c3 = text2.charCodeAt(j);
        if (c3 === 32) spaces++;
        else if (c3 === 9) tabs++;
        else break;
      }
      i = j;
      const c2 = j < n ? text2.charCodeAt(j) : -1;
      const continued = c2 === 92 && lineBreakAt(text2, j + 1) > 0;
      if (c2 !== -1 && lineBreakAt(text2, j) === 0 && c2 !== 35 && !continued) {
        atLineStart = false;
        let order = compareIndent(source, j, tabs, spaces, indentTabs.at(-1), indentSpaces.at(-1));
        if (order !== 0 && (c2 === 13 || isSpace(c2))) {
          fail(source, j, "the indentation ends at whitespace other than a space or tab, where KCL's lexer loses the indent or dedent it makes");
        }
        if (order > 0) {
          indentTabs.push(tabs);
          indentSpaces.push(spaces);
          openIndents.push(out.count);
          out.push(T.Indent, j, j, 0);
        }
        while (order < 0) {
          indentTabs.pop();
          indentSpaces.pop();
          out.match[openIndents.pop()] = out.count;
          out.push(T.Dedent, j, j, 0);
          order = compareIndent(source, j, tabs, spaces, indentTabs.at(-1), indentSpaces.at(-1));
          if (order > 0) fail(source, j, "unindent does not match any outer indentation level");
        }
      }
    }
    if (i >= n) break;
    const c = text2.charCodeAt(i);
    const cls = c < 128 ? CLASS[c] : C.Ident;
    if (cls === C.Space) {
      i++;
      while (i < n && text2.charCodeAt(i) === 32) i++;
      continue;
    }
    if (cls === C.Ident) {
      const s = i;
      if ((c === 114 || c === 82) && i + 1 < n) {
        const q = text2.charCodeAt(i + 1);
        if (q === 34 || q === 39) {
          i = scanString(text2, source, s, i + 1, q, true, out);
          continue;
        }
      }
      if (c > 127 && !UNICODE_ID_START.test(String.fromCodePoint(text2.codePointAt(i)))) {
        if (!isSpace(c)) fail(source, i, unexpectedCharacter(text2.codePointAt(i)));
        i++;
        continue;
      }
      i = scanName(text2, c >= 55296 && c <= 56319 ? i + 2 : i + 1);
      out.push(T.Name, s, i, 0);
      continue;
    }
    if (cls === C.Newline) {
      const s = i;
      const length2 = lineBreakAt(text2, i);
      i += length2 || 1;
      if (length2 === 0) continue;
      if (out.count > 0 && out.last !== T.Newline && out.last !== T.Indent && out.last !== T.Dedent) out.push(T.Newline, s, i, 0);
      atLineStart = openBrackets.length === 0;
      continue;
    }
    if (cls === C.Quote) {
      i = scanString(text2, source, i, i, c, false, out);
      continue;
    }
    if (cls === C.Digit) {
      const s = i;
      i = scanNumber(text2, source, i);
      out.push(T.Number, s, i, 0);
      continue;
    }
    if (cls === C.Hash) {
      const s = i;
      i = landmarks.lineFeed(i);
      if (i < n && text2.charCodeAt(i - 1) === 13) i--;
      out.comment(s, i);
      continue;
    }
    if (cls === C.Backslash) {
      const length2 = lineBreakAt(text2, i + 1);
      if (length2 > 0 || i + 1 === n) {
        i += 1 + length2;
        continue;
      }
      fail(source, i, "unexpected character '\\' (a line continuation must end the line)");
    }
    if (cls === C.Dollar) {
      const s = i;
      i = scanName(text2, i + 1);
      if (i === s + 1) fail(source, s, "'$' must start an identifier");
      out.push(T.Name, s, i, 0);
      continue;
    }
    const d = text2.charCodeAt(i + 1);
    let k = T.Operator;
    let len = 1;
    switch (c) {
      case 40:
      case 91:
      case 123:
        openBrackets.push(out.count);
        k = c === 40 ? T.LParen : c === 91 ? T.LBracket : T.LBrace;
        break;
      case 41:
      case 93:
      case 125:
        k = c === 41 ? T.RParen : c === 93 ? T.RBracket : T.RBrace;
        if (openBrackets.length === 0 || out.kind[openBrackets[openBrackets.length - 1]] !== k - 1) fail(source, i, `unmatched '${String.fromCharCode(c)}'`);
        out.match[openBrackets.pop()] = out.count;
        break;
      case 44:
        k = T.Comma;
        break;
      case 58:
        k = T.Colon;
        break;
      case 59:
        k = T.Semicolon;
        break;
      case 46:
        if (d === 46 && text2.charCodeAt(i + 2) === 46) {
          k = T.Ellipsis;
          len = 3;
        } else k = T.Dot;
        break;
      case 61:
        if (d === 61) len = 2;
        else k = T.Assign;
        break;
      case 64:
        k = T.At;
        break;
      case 63:
        if (d === 46) {
          k = T.QuestionDot;
          len = 2;
        } else k = T.Question;
        break;
      case 126:
        k = T.Tilde;
        break;
      case 43:
        if (d === 61) {
          k = T.PlusAssign;
          len = 2;
        } else k = T.Plus;
        break;
      case 45:
        if (d === 61) {
          k = T.AugAssign;
          len = 2;
        } else if (d === 62) {
          k = T.Arrow;
          len = 2;
        } else k = T.Minus;
        break;
      case 42:
      case 47:
      case 60:
      case 62:
        if (d === c) {
          len = 2;
          if (text2.charCodeAt(i + 2) === 61) {
            k = T.AugAssign;
            len = 3;
          } else if (c === 42) k = T.DoubleStar;
        } else if (d === 61) {
          k = c === 42 || c === 47 ? T.AugAssign : T.Operator;
          len = 2;
        } else if (c === 42) k = T.Star;
        break;
      case 37:
      case 38:
      case 124:
      case 94:
        if (d === 61) {
          k = T.AugAssign;
          len = 2;
        }
        break;
      case 33:
        if (d !== 61) fail(source, i, "unexpected character '!'");
        len = 2;
        break;
      default:
        fail(source, i, unexpectedCharacter(text2.codePointAt(i)));
    }
    out.push(k, i, i + len, 0);
    i += len;
  }
  return endStream(source, out, openBrackets, openIndents);
}
function endStream(source, out, openBrackets, openIndents) {
  const text2 = source.text;
  const n = text2.length;
  if (openBrackets.length > 0) {
    const at = out.start[openBrackets[openBrackets.length - 1]];
    fail(source, at, `'${text2.charAt(at)}' is never closed`);
  }
  if (out.count > 0 && out.last !== T.Newline && out.last !== T.Dedent) out.push(T.Newline, n, n, 0);
  while (openIndents.length > 0) {
    out.match[openIndents.pop()] = out.count;
    out.push(T.Dedent, n, n, 0);
  }
  out.push(T.EOF, n, n, 0);
  landmarks.reset("");
  return out.finish(source);
}
function compareIndent(source, at, tabs, spaces, blockTabs, blockSpaces) {
  if (tabs === blockTabs) return Math.sign(spaces - blockSpaces);
  if (tabs < blockTabs ? spaces <= blockSpaces : spaces >= blockSpaces) return Math.sign(tabs - blockTabs);
  return fail(source, at, "inconsistent use of tabs and spaces in indentation");
}
function lineBreakAt(text2, at) {
  const c = text2.charCodeAt(at);
  return c === 10 ? 1 : c === 13 && text2.charCodeAt(at + 1) === 10 ? 2 : 0;
}
function scanName(text2, i) {
  const n = text2.length;
  while (i < n) {
    const d = text2.charCodeAt(i);
    if (d < 128) {
      if (IDENT_PART[d] === 0) break;
      i++;
    } else {
      const cp = text2.codePointAt(i);
      if (!UNICODE_ID_CONTINUE.test(String.fromCodePoint(cp))) break;
      i += cp > 65535 ? 2 : 1;
    }
  }
  return i;
}
function isName(text2) {
  const first = text2.charCodeAt(0) === 36 ? 1 : 0;
  const cp = text2.codePointAt(first);
  if (cp === void 0 || !(cp < 128 ? isIdentStart(cp) : UNICODE_ID_START.test(String.fromCodePoint(cp)))) return false;
  return scanName(text2, first + (cp > 65535 ? 2 : 1)) === text2.length;
}
function scanString(text2, source, s, q, quote2, raw, out) {
  const n = text2.length;
  const triple = text2.charCodeAt(q + 1) === quote2 && text2.charCodeAt(q + 2) === quote2;
  let f = (raw ? StringFlag.Raw : 0) | (triple ? StringFlag.Triple : 0) | (quote2 === 39 ? StringFlag.SingleQuote : 0);
  let j = triple ? q + 3 : q + 1;
  const closing = triple ? quote2 === 34 ? '"""' : "'''" : quote2 === 34 ? '"' : "'";
  const close = text2.indexOf(closing, j);
  if (close >= 0 && (triple || close < landmarks.lineEnd(j)) && close < landmarks.backslash(j)) {
    if (!raw) {
      for (let d = landmarks.dollar(j); d < close; d = landmarks.dollar(d + 1)) {
        if (text2.charCodeAt(d + 1) === 123) {
          f |= StringFlag.Interpolated;
          checkInterpolationClosed(text2, source, text2.lastIndexOf("${", close - 1), close);
          break;
        }
      }
    }
    const end = close + closing.length;
    out.push(T.String, s, end, f);
    return end;
  }
  let lastInterpolation = -1;
  while (true) {
    if (j >= n) fail(source, s, triple ? "unterminated triple-quoted string" : "unterminated string");
    const c = text2.charCodeAt(j);
    if (c < 128 && STRING_SPECIAL[c] === 0) {
      j++;
      continue;
    }
    if (c === 92) {
      const d = text2.charCodeAt(j + 1);
      j += d === 92 || d === quote2 || d === 36 && !raw ? 2 : 1;
      continue;
    }
    if (c === quote2 && (!triple || text2.charCodeAt(j + 1) === quote2 && text2.charCodeAt(j + 2) === quote2)) {
      if (lastInterpolation >= 0) checkInterpolationClosed(text2, source, lastInterpolation, j);
      const end = triple ? j + 3 : j + 1;
      out.push(T.String, s, end, f);
      return end;
    }
    if (!triple && (c === 10 || c === 13)) {
      fail(source, s, "unterminated string (a newline in a single-quoted string; use triple quotes)");
    } else if (c === 36 && !raw && text2.charCodeAt(j + 1) === 123) {
      f |= StringFlag.Interpolated;
      lastInterpolation = j;
    }
    j++;
  }
}
function checkInterpolationClosed(text2, source, open, close) {
  const end = text2.indexOf("}", open + 2);
  if (end < 0 || end >= close) fail(source, open, "'${' is never closed in this string (write \\${ for a literal ${)");
}
function skipDigits(text2, i) {
  while (i < text2.length) {
    const c = text2.charCodeAt(i);
    if (c >= 48 && c <= 57 || c === 95) i++;
    else break;
  }
  return i;
}
function scanNumber(text2, source, i) {
  const n = text2.length;
  const s = i;
  const c1 = text2.charCodeAt(i + 1) | 32;
  if (text2.charCodeAt(i) === 48 && (c1 === 120 || c1 === 111 || c1 === 98)) {
    i += 2;
    while (i < n && (isIdentPart(text2.charCodeAt(i)) || text2.charCodeAt(i) === 95)) i++;
    return i;
  }
  i = skipDigits(text2, i);
  const after = text2.charCodeAt(i + 1);
  if (text2.charCodeAt(i) === 46 && after !== 46 && !isIdentStart(after)) {
    i = skipDigits(text2, i + 1);
  }
  const e = text2.charCodeAt(i) | 32;
  if (e === 101) {
    const sign = text2.charCodeAt(i + 1);
    const at = sign === 43 || sign === 45 ? i + 2 : i + 1;
    if (text2.charCodeAt(at) >= 48 && text2.charCodeAt(at) <= 57) i = skipDigits(text2, at);
  }
  const u = text2.charCodeAt(i);
  if (u === 110 || u === 117 || u === 109 || u === 107 || u === 75 || u === 77 || u === 71 || u === 84 || u === 80) {
    i++;
    if (text2.charCodeAt(i) === 105) i++;
  }
  if (i < n && isIdentPart(text2.charCodeAt(i))) fail(source, s, `invalid number ${JSON.stringify(text2.slice(s, i + 1))}`);
  return i;
}

// src/kcl/keywords.ts
var Keyword = {
  Other: 0,
  Import: 1,
  Type: 2,
  Schema: 3,
  Rule: 4,
  Protocol: 5,
  Mixin: 6,
  If: 7,
  Elif: 8,
  Else: 9,
  For: 10,
  Assert: 11,
  Check: 12,
  Lambda: 13,
  All: 14,
  Any: 15,
  Map: 16,
  Filter: 17,
  And: 18,
  Or: 19,
  In: 20,
  As: 21,
  Not: 22,
  Is: 23,
  TrueValue: 24,
  FalseValue: 25,
  NoneValue: 26,
  UndefinedValue: 27
};
var WORDS = {
  import: Keyword.Import,
  type: Keyword.Type,
  schema: Keyword.Schema,
  rule: Keyword.Rule,
  protocol: Keyword.Protocol,
  mixin: Keyword.Mixin,
  if: Keyword.If,
  elif: Keyword.Elif,
  else: Keyword.Else,
  for: Keyword.For,
  assert: Keyword.Assert,
  check: Keyword.Check,
  lambda: Keyword.Lambda,
  all: Keyword.All,
  any: Keyword.Any,
  map: Keyword.Map,
  filter: Keyword.Filter,
  and: Keyword.And,
  or: Keyword.Or,
  in: Keyword.In,
  as: Keyword.As,
  not: Keyword.Not,
  is: Keyword.Is,
  True: Keyword.TrueValue,
  False: Keyword.FalseValue,
  None: Keyword.NoneValue,
  Undefined: Keyword.UndefinedValue
};
var RESERVED = new Set(Object.keys(WORDS).filter((word) => word !== "type"));
var MAX_LENGTH = 9;
var CANDIDATES = Array.from({ length: (MAX_LENGTH + 1) * 128 }, () => void 0);
for (const [word, id] of Object.entries(WORDS)) {
  const slot = word.length * 128 + word.charCodeAt(0);
  CANDIDATES[slot] = [...CANDIDATES[slot] ?? [], { word, id }];
}
function keywordOf(text2, start, end) {
  const length2 = end - start;
  if (length2 > MAX_LENGTH) return Keyword.Other;
  const first = text2.charCodeAt(start);
  if (first >= 128) return Keyword.Other;
  const candidates2 = CANDIDATES[length2 * 128 + first];
  if (candidates2 === void 0) return Keyword.Other;
  next: for (const { word, id } of candidates2) {
    for (let i = 1; i < length2; i++) if (text2.charCodeAt(start + i) !== word.charCodeAt(i)) continue next;
    return id;
  }
  return Keyword.Other;
}
var NAME = T.Name;
function keywordAt(tokens, at) {
  return tokens.kind[at] === NAME ? keywordOf(tokens.source.text, tokens.start[at], tokens.end[at]) : Keyword.Other;
}

// src/kcl/string-literal.ts
function readStringLiteral(raw) {
  const prefix = raw[0] === "r" || raw[0] === "R" ? raw[0] : "";
  const quote2 = raw[prefix.length] === "'" ? "'" : '"';
  const triple = raw.startsWith(quote2.repeat(3), prefix.length) && raw.length >= prefix.length + 6;
  const q = triple ? 3 : 1;
  return { style: { quote: quote2, triple, prefix }, body: raw.slice(prefix.length + q, raw.length - q) };
}
var SIMPLE_ESCAPES2 = { "\\": "\\", "'": "'", '"': '"', a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "	", v: "\v" };
function stringLiteralValue(raw) {
  const { style, body } = readStringLiteral(raw);
  const text2 = style.triple ? dedent(body) : body;
  return style.prefix !== "" || !text2.includes("\\") ? text2 : decodeEscapes(text2).text;
}
function decodeEscapes(text2) {
  let out = "";
  const map2 = [];
  const put = (value, at) => {
    out += value;
    for (let k = 0; k < value.length; k++) map2.push(at);
  };
  for (let i = 0; i < text2.length; i++) {
    const c = text2[i];
    if (c !== "\\" || i + 1 >= text2.length) {
      put(c, i);
      continue;
    }
    const d = text2[i + 1];
    const simple = SIMPLE_ESCAPES2[d];
    if (simple !== void 0) {
      put(simple, i);
      i++;
    } else if (d === "$" && text2[i + 2] === "{") {
      put("$", i);
      i++;
    } else if (d === "\n" || d === "\r") {
      i += d === "\r" && text2[i + 2] === "\n" ? 2 : 1;
    } else if (d >= "0" && d <= "7") {
      const m = /^[0-7]{1,3}/.exec(text2.slice(i + 1))[0];
      put(String.fromCodePoint(parseInt(m, 8)), i);
      i += m.length;
    } else if ((d === "x" || d === "u" || d === "U") && isCodePoint(text2.slice(i + 2, i + 2 + hexLength(d)), hexLength(d))) {
      const len = hexLength(d);
      put(String.fromCodePoint(parseInt(text2.slice(i + 2, i + 2 + len), 16)), i);
      i += 1 + len;
    } else {
      put(c, i);
    }
  }
  map2.push(text2.length);
  return { text: out, map: map2 };
}
function isCodePoint(hex, length2) {
  return hex.length === length2 && /^[0-9a-fA-F]+$/.test(hex) && parseInt(hex, 16) <= 1114111;
}
function hexLength(escape) {
  return escape === "x" ? 2 : escape === "u" ? 4 : 8;
}
function dedent(body) {
  const text2 = body.replace(/^\r?\n|^\r/, "");
  const lines = text2.split(/\r\n|\n|\r/);
  let common;
  for (const line of lines) {
    if (line.trim() === "") continue;
    const indent = /^[ \t]*/.exec(line)[0].length;
    common = common === void 0 ? indent : Math.min(common, indent);
  }
  if (!common) return text2;
  return text2.replace(new RegExp(`(^|\\r\\n|\\n|\\r)[ \\t]{0,${common}}`, "g"), "$1");
}
function hasControl(value) {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 32 || c === 127) return true;
  }
  return false;
}
function writeStringLiteral(value, style) {
  const written = literalText(value, style);
  return style.triple && stringLiteralValue(written) !== value ? literalText(value, { ...style, triple: false }) : written;
}
function literalText(value, style) {
  const q = style.triple ? style.quote.repeat(3) : style.quote;
  const rawFits = style.prefix !== "" && !value.includes("\\") && !value.includes(style.quote) && !hasControl(value);
  if (rawFits) return `${style.prefix}${q}${value}${q}`;
  let body = "";
  for (const ch of value) {
    switch (ch) {
      case "\\":
        body += "\\\\";
        break;
      case "\n":
        body += style.triple ? "\n" : "\\n";
        break;
      case "\r":
        body += "\\r";
        break;
      case "	":
        body += "\\t";
        break;
      case style.quote:
        body += "\\" + ch;
        break;
      default: {
        const code = ch.codePointAt(0);
        body += code < 32 || code === 127 ? `\\x${code.toString(16).padStart(2, "0")}` : ch;
      }
    }
  }
  return `${q}${body.replaceAll("${", "\\${")}${q}`;
}

// src/kcl/nodes.ts
function nodeText(tokens, node2) {
  return tokens.source.text.slice(tokens.start[node2.first], tokens.end[node2.last]);
}
var NameNode = class {
  constructor(tokens, first, last) {
    this.tokens = tokens;
    this.first = first;
    this.last = last;
  }
  tokens;
  first;
  last;
  type = "name";
  get name() {
    const { source, start, end } = this.tokens;
    let name = source.text.slice(start[this.first], end[this.first]);
    for (let i = this.first + 1; i <= this.last; i++) name += source.text.slice(start[i], end[i]);
    return name;
  }
};
var SchemaNode = class {
  constructor(nameExpr, config, first, last) {
    this.nameExpr = nameExpr;
    this.config = config;
    this.first = first;
    this.last = last;
  }
  nameExpr;
  config;
  first;
  last;
  type = "schema";
  get name() {
    return this.nameExpr.name;
  }
};
var OperationNode = class {
  constructor(tokens, operands, operatorTokens, first, last) {
    this.tokens = tokens;
    this.operands = operands;
    this.operatorTokens = operatorTokens;
    this.first = first;
    this.last = last;
  }
  tokens;
  operands;
  operatorTokens;
  first;
  last;
  type = "operation";
  text;
  get operators() {
    this.text ??= this.operatorTokens.map((at) => {
      const text2 = nodeText(this.tokens, { first: at, last: at });
      if (this.operands.length === 1) return text2;
      if (text2 === "not" || text2 === "is" && keywordAt(this.tokens, at + 1) === Keyword.Not)
        return `${text2} ${nodeText(this.tokens, { first: at + 1, last: at + 1 })}`;
      return text2;
    });
    return this.text;
  }
};
var KeyNode = class {
  constructor(tokens, expr) {
    this.tokens = tokens;
    this.expr = expr;
    this.first = expr.first;
    this.last = expr.last;
  }
  tokens;
  expr;
  first;
  last;
  get parts() {
    const { expr, tokens } = this;
    if (expr.type === "name") return expr.name.split(".").map(unescapedName);
    if (expr.type === "string" && !(tokens.flags[expr.token] & StringFlag.Interpolated)) return [stringLiteralValue(nodeText(tokens, expr))];
    return void 0;
  }
};
function targetText(tokens, target) {
  if (target.type !== "name") return nodeText(tokens, target);
  const name = target.name;
  return name.includes("$") ? name.split(".").map(unescapedName).join(".") : name;
}
function unescapedName(part) {
  return part.startsWith("$") ? part.slice(1) : part;
}

// src/kcl/parser.ts
var T2 = { ...T };
var NO_SCHEMA = 1;
var NO_TERNARY = 2;
var ENDS_EXPRESSION = new Uint8Array(256);
for (const k of [T2.Newline, T2.Comma, T2.RBrace, T2.RBracket, T2.RParen, T2.EOF, T2.Colon, T2.Assign, T2.PlusAssign, T2.AugAssign, T2.Semicolon]) ENDS_EXPRESSION[k] = 1;
var SKIPS_STATEMENT = /* @__PURE__ */ new Map([
  [Keyword.Schema, "schema"],
  [Keyword.Rule, "rule"],
  [Keyword.Protocol, "protocol"],
  [Keyword.Mixin, "mixin"],
  [Keyword.If, "if block"],
  [Keyword.Elif, "if block"],
  [Keyword.Else, "if block"],
  [Keyword.For, "for block"],
  [Keyword.Assert, "assert"],
  [Keyword.Check, "check block"]
]);
var MAX_NESTING = 200;
var Parser3 = class {
  constructor(tokens) {
    this.tokens = tokens;
    this.text = tokens.source.text;
    this.kind = tokens.kind;
    this.start = tokens.start;
    this.end = tokens.end;
    this.match = tokens.match;
  }
  tokens;
  pos = 0;
  /** Expressions, unary operators and `if` items being parsed around the current one. */
  depth = 0;
  text;
  kind;
  start;
  end;
  match;
  fail(at, message) {
    const index2 = this.start[at];
    throw new SourceError(message, this.tokens.source.line(index2), this.tokens.source.column(index2));
  }
  /**
   * One level deeper, for the construct starting at `at`; the caller leaves it with `depth--`.
   * Every construct that recurses takes a level, so no input reaches the stack's end.
   */
  enter(at) {
    if (++this.depth > MAX_NESTING) this.fail(at, `expressions nested more than ${MAX_NESTING} deep`);
  }
  /** The Keyword of the token at `at` (Keyword.Other for other names and for any other token). */
  keyword(at) {
    return keywordAt(this.tokens, at);
  }
  tokenText(at) {
    return this.text.slice(this.start[at], this.end[at]);
  }
  describe(at) {
    const k = this.kind[at];
    return k === T2.EOF ? "end of file" : k === T2.Newline ? "end of line" : k === T2.Indent ? "an indent" : k === T2.Dedent ? "a dedent" : `'${this.tokenText(at)}'`;
  }
  expect(k, what) {
    if (this.kind[this.pos] !== k) this.fail(this.pos, `expected ${what}, found ${this.describe(this.pos)}`);
    this.pos++;
  }
  /** Index after the bracket group opening at `open` (the tokenizer matched its brackets). */
  skipGroup(open) {
    return this.match[open] + 1;
  }
  /** Move to the Newline (or EOF) ending this logical line, skipping bracket groups. */
  skipLine() {
    this.pos = this.lineEnd(this.pos);
  }
  /** Index of the Newline (or EOF) ending the logical line at `from`, bracket groups skipped. */
  lineEnd(from) {
    const kind2 = this.kind;
    let i = from;
    while (true) {
      const k = kind2[i];
      if (k === T2.Newline || k === T2.EOF) return i;
      if (k === T2.LParen || k === T2.LBracket || k === T2.LBrace) i = this.skipGroup(i);
      else i++;
    }
  }
  module() {
    const statements = [];
    const kind2 = this.kind;
    while (true) {
      while (kind2[this.pos] === T2.Newline || kind2[this.pos] === T2.Semicolon) this.pos++;
      if (kind2[this.pos] === T2.EOF) return statements;
      statements.push(this.statement());
    }
  }
  statement() {
    const first = this.pos;
    const kind2 = this.kind;
    const k = kind2[first];
    if (k === T2.Indent) this.fail(first, "unexpected indent");
    if (k === T2.Dedent) this.fail(first, "unexpected dedent");
    const keyword = this.keyword(first);
    if (keyword === Keyword.Import) {
      this.skipLine();
      return { type: "import", first, last: this.endStatement() };
    }
    const isTypeAlias = keyword === Keyword.Type && kind2[first + 1] === T2.Name;
    const skipped = k === T2.At ? "decorator" : isTypeAlias ? "type alias" : SKIPS_STATEMENT.get(keyword);
    if (skipped !== void 0) {
      return { type: "other", construct: skipped, first, last: this.skipCompound() };
    }
    const target = this.postfix(NO_SCHEMA);
    const targetName = targetText(this.tokens, target);
    const op = kind2[this.pos];
    if (op === T2.Assign) {
      const targets = [targetName];
      this.pos++;
      let value = this.expr(0);
      while (kind2[this.pos] === T2.Assign) {
        targets.push(targetText(this.tokens, value));
        this.pos++;
        value = this.expr(0);
      }
      return { type: "assign", targets, value, first, last: this.endStatement() };
    }
    if (op === T2.AugAssign || op === T2.PlusAssign) {
      const operator = this.tokenText(this.pos);
      this.pos++;
      const value = this.expr(0);
      return { type: "aug-assign", target: targetName, operator, value, first, last: this.endStatement() };
    }
    if (op === T2.Colon) {
      if (target.type !== "name") this.fail(this.pos, `expected '=' after ${this.describe(target.first)}, found ':'`);
      this.pos++;
      const assignAt = this.findAssignOnLine();
      if (assignAt >= 0) {
        const annotation = { first: this.pos, last: assignAt - 1 };
        this.pos = assignAt + 1;
        const value2 = this.expr(0);
        return { type: "assign", targets: [targetName], value: value2, annotation, first, last: this.endStatement() };
      }
      if (kind2[this.pos] !== T2.Name) {
        this.skipLine();
        return { type: "other", construct: "type annotation", first, last: this.endStatement() };
      }
      const value = this.expr(0);
      const last = this.endStatement();
      return value.type === "schema" ? { type: "unification", target: targetName, value, first, last } : { type: "other", construct: "type annotation", first, last };
    }
    this.pos = first;
    this.expr(0);
    return { type: "other", construct: "expression", first, last: this.endStatement() };
  }
  /** Index of an `=` at bracket depth 0 before the end of the line, or -1 (`x: T = v`). */
  findAssignOnLine() {
    const kind2 = this.kind;
    let i = this.pos;
    while (true) {
      const k = kind2[i];
      if (k === T2.Newline || k === T2.EOF) return -1;
      if (k === T2.Assign) return i;
      if (k === T2.LParen || k === T2.LBracket || k === T2.LBrace) i = this.skipGroup(i);
      else i++;
    }
  }
  /** The statement must end here; returns its last token and consumes the Newline. */
  endStatement() {
    const k = this.kind[this.pos];
    if (k !== T2.Newline && k !== T2.EOF && k !== T2.Semicolon) this.fail(this.pos, `expected end of statement, found ${this.describe(this.pos)}`);
    const last = this.pos - 1;
    if (k !== T2.EOF) this.pos++;
    return last;
  }
  /** Skip a header line and, if it opens an indented block, the whole block (and nothing after). */
  skipCompound() {
    this.skipLine();
    let last = this.pos - 1;
    if (this.kind[this.pos] === T2.Newline) this.pos++;
    if (this.kind[this.pos] === T2.Indent) {
      this.pos = this.match[this.pos] + 1;
      last = this.pos - 1;
    }
    return last;
  }
  expr(flags) {
    const first = this.pos;
    if (ENDS_EXPRESSION[this.kind[first + 1]] === 1) {
      const atom = this.atom(first);
      if (atom !== void 0) return atom;
    }
    this.enter(first);
    let result = this.binary(flags);
    if (!(flags & NO_TERNARY) && this.keyword(this.pos) === Keyword.If) {
      this.pos++;
      this.binary(flags);
      if (this.keyword(this.pos) !== Keyword.Else) this.fail(this.pos, `expected 'else', found ${this.describe(this.pos)}`);
      this.pos++;
      const orElse = this.expr(flags);
      result = { type: "other", construct: "ternary", first, last: orElse.last };
    }
    this.depth--;
    return result;
  }
  binaryOperatorLength(at) {
    const k = this.kind[at];
    if (k === T2.Operator || k === T2.Minus || k === T2.Plus || k === T2.Star || k === T2.DoubleStar) return 1;
    if (k !== T2.Name) return 0;
    const keyword = this.keyword(at);
    if (keyword === Keyword.And || keyword === Keyword.Or || keyword === Keyword.In || keyword === Keyword.As) return 1;
    if (keyword === Keyword.Not) return this.keyword(at + 1) === Keyword.In ? 2 : 0;
    if (keyword === Keyword.Is) return this.keyword(at + 1) === Keyword.Not ? 2 : 1;
    return 0;
  }
  binary(flags) {
    const first = this.pos;
    const left = this.unary(flags);
    let length2 = this.binaryOperatorLength(this.pos);
    if (length2 === 0) return left;
    const operands = [left];
    const operators = [];
    while (length2 > 0) {
      operators.push(this.pos);
      this.pos += length2;
      operands.push(this.unary(flags));
      length2 = this.binaryOperatorLength(this.pos);
    }
    return new OperationNode(this.tokens, operands, operators, first, this.pos - 1);
  }
  unary(flags) {
    const k = this.kind[this.pos];
    if (k === T2.Minus || k === T2.Plus || k === T2.Tilde || this.keyword(this.pos) === Keyword.Not) return this.prefixed(flags);
    return this.postfix(flags);
  }
  /** A unary operator and its operand: `-1`, `not a`, a level deeper each (`------1` is six). */
  prefixed(flags) {
    const first = this.pos++;
    this.enter(first);
    const operand = this.unary(flags);
    this.depth--;
    return new OperationNode(this.tokens, [operand], [first], first, operand.last);
  }
  postfix(flags) {
    const first = this.pos;
    let node2 = this.primary();
    let callee;
    const kind2 = this.kind;
    while (true) {
      const k = kind2[this.pos];
      if ((k === T2.Dot || k === T2.QuestionDot) && kind2[this.pos + 1] === T2.Name) {
        node2 = node2.type === "name" && k === T2.Dot ? new NameNode(this.tokens, first, this.pos + 1) : { type: "other", construct: "attribute", first, last: this.pos + 1 };
        callee = void 0;
        this.pos += 2;
      } else if (k === T2.LBracket || k === T2.Question && kind2[this.pos + 1] === T2.LBracket) {
        this.pos = this.skipGroup(k === T2.Question ? this.pos + 1 : this.pos);
        node2 = { type: "other", construct: "subscript", first, last: this.pos - 1 };
        callee = void 0;
      } else if (k === T2.LParen) {
        callee = node2.type === "name" ? node2 : void 0;
        this.pos = this.skipGroup(this.pos);
        node2 = { type: "other", construct: "call", first, last: this.pos - 1 };
      } else if (k === T2.LBrace && !(flags & NO_SCHEMA) && (node2.type === "name" || callee)) {
        const schema4 = node2.type === "name" ? node2 : callee;
        const config = this.config();
        node2 = config.type === "config" ? new SchemaNode(schema4, config, first, config.last) : { type: "other", construct: config.construct, first, last: config.last };
        callee = void 0;
      } else {
        return node2;
      }
    }
  }
  /** A name (not a keyword), string or number at `at`, consumed; undefined for any other token. */
  atom(at) {
    const k = this.kind[at];
    let node2;
    if (k === T2.Name && this.keyword(at) === Keyword.Other) node2 = new NameNode(this.tokens, at, at);
    else if (k === T2.String) node2 = { type: "string", token: at, first: at, last: at };
    else if (k === T2.Number) node2 = { type: "other", construct: "number", first: at, last: at };
    else return void 0;
    this.pos = at + 1;
    return node2;
  }
  primary() {
    const at = this.pos;
    const k = this.kind[at];
    switch (k) {
      case T2.Name: {
        const keyword = this.keyword(at);
        if (keyword === Keyword.Other) {
          this.pos++;
          return new NameNode(this.tokens, at, at);
        }
        if (keyword === Keyword.Lambda) return this.lambda();
        const quantifier = keyword === Keyword.All || keyword === Keyword.Any || keyword === Keyword.Map || keyword === Keyword.Filter;
        if (quantifier && this.kind[at + 1] === T2.Name) return this.quantifier();
        this.pos++;
        const constant = keyword === Keyword.TrueValue || keyword === Keyword.FalseValue || keyword === Keyword.NoneValue || keyword === Keyword.UndefinedValue;
        return constant ? { type: "other", construct: "constant", first: at, last: at } : new NameNode(this.tokens, at, at);
      }
      case T2.String:
        this.pos++;
        return { type: "string", token: at, first: at, last: at };
      case T2.Number:
        this.pos++;
        return { type: "other", construct: "number", first: at, last: at };
      case T2.LParen:
        this.pos = this.skipGroup(at);
        return { type: "other", construct: "parentheses", first: at, last: this.pos - 1 };
      case T2.LBracket:
        return this.list();
      case T2.LBrace:
        return this.config();
      default:
        this.fail(at, `expected an expression, found ${this.describe(at)}`);
    }
  }
  /**
   * `lambda params [-> type] { body }`. Parameter types and defaults may be braces too
   * (`lambda {config: {str:}} -> any {`, `attrs: {:} = {}, b {`): the body is the first
   * brace group not followed by `->`, `=`, `|`, `:` or another `{`, nor by `,` when it is a
   * parameter's type or default (after `:`, `=` or an operator). A body followed by `,` ends
   * the lambda, an item of the config or list around it (`[lambda a { a }, {...}]`).
   */
  lambda() {
    const first = this.pos++;
    const kind2 = this.kind;
    while (true) {
      const k = kind2[this.pos];
      if (k === T2.LBrace) {
        const before = kind2[this.pos - 1];
        const parameterPart = before === T2.Colon || before === T2.Assign || before === T2.Operator;
        this.pos = this.skipGroup(this.pos);
        const next = kind2[this.pos];
        const more = next === T2.Arrow || next === T2.Comma && parameterPart || next === T2.Assign || next === T2.Colon || next === T2.LBrace || next === T2.Operator && this.tokenText(this.pos) === "|";
        if (!more) return { type: "other", construct: "lambda", first, last: this.pos - 1 };
      } else if (k === T2.LParen || k === T2.LBracket) this.pos = this.skipGroup(this.pos);
      else if (k === T2.Newline || k === T2.EOF) this.fail(first, "lambda without a body");
      else this.pos++;
    }
  }
  /** `all|any|map|filter x[, y] in iterable { body }`; the iterable may itself be a literal. */
  quantifier() {
    const first = this.pos++;
    while (this.keyword(this.pos) !== Keyword.In) {
      if (this.kind[this.pos] !== T2.Name && this.kind[this.pos] !== T2.Comma) this.fail(this.pos, `expected 'in', found ${this.describe(this.pos)}`);
      this.pos++;
    }
    this.pos++;
    this.expr(NO_SCHEMA | NO_TERNARY);
    if (this.kind[this.pos] !== T2.LBrace) this.fail(this.pos, `expected '{', found ${this.describe(this.pos)}`);
    this.pos = this.skipGroup(this.pos);
    return { type: "other", construct: "quantifier", first, last: this.pos - 1 };
  }
  /**
   * 1-based column of a token in code units (after a byte order mark on the first line, which no
   * editor shows). Most lines are short: their start is looked for backwards; a long one
   * (thousands of inline `if` items) asks the source's line table, which building costs a pass over the file.
   */
  column(at) {
    const start = this.start[at];
    for (let i = start - 1, stop = Math.max(0, start - LOOK_BACK); i >= stop; i--) {
      const c = this.text.charCodeAt(i);
      if (c === 10 || c === 13) return start - i;
    }
    return this.tokens.source.column(start);
  }
  list() {
    const first = this.pos++;
    const items = [];
    const kind2 = this.kind;
    while (true) {
      const k = kind2[this.pos];
      if (k === T2.Newline || k === T2.Comma) {
        this.pos++;
        continue;
      }
      if (k === T2.RBracket) break;
      const item = this.listItem();
      if (item.type !== "if" && this.keyword(this.pos) === Keyword.For) {
        this.pos = this.skipGroup(first);
        return { type: "other", construct: "list comprehension", first, last: this.pos - 1 };
      }
      items.push(item);
    }
    this.pos++;
    const list = { type: "list", items, first, last: this.pos - 1 };
    return list;
  }
  /** One list item: an expression, an unpacked `*x` (Other), or an `if` item. */
  listItem() {
    if (this.keyword(this.pos) === Keyword.If) return this.ifItems(this.readListItem);
    if (this.kind[this.pos] !== T2.Star) return this.expr(0);
    const star = this.pos++;
    const inner = this.expr(0);
    return { type: "other", construct: "unpacking", first: star, last: inner.last };
  }
  readListItem = (out) => {
    out.push(this.listItem());
    return false;
  };
  /** A config literal, or a dict comprehension (`{k: v for ...}`, Other). */
  config() {
    const first = this.pos++;
    const items = [];
    if (this.items(items, -1, this.readConfigItem)) {
      this.pos = this.skipGroup(first);
      return { type: "other", construct: "dict comprehension", first, last: this.pos - 1 };
    }
    if (this.kind[this.pos] !== T2.RBrace) this.fail(this.pos, `expected '}', found ${this.describe(this.pos)}`);
    this.pos++;
    return { type: "config", items, first, last: this.pos - 1 };
  }
  /**
   * Config entries or list items (each read by `read`) up to the closing bracket or, for
   * an `if` branch (`column` >= 0), up to a line starting at or left of the `if`.
   * Returns true when the first entry turned out to be a comprehension (`{k: v for ...}`).
   */
  items(out, column, read) {
    const kind2 = this.kind;
    while (true) {
      const k = kind2[this.pos];
      if (k === T2.Comma) {
        this.pos++;
        continue;
      }
      if (k === T2.Newline) {
        this.pos++;
        continue;
      }
      if (column >= 0 && kind2[this.pos - 1] === T2.Newline && this.column(this.pos) <= column) return false;
      if (k === T2.RBrace || k === T2.RBracket || k === T2.EOF) return false;
      if (read(out)) return true;
    }
  }
  /** One config entry into `out`; true when it turned out to be a comprehension. */
  readConfigItem = (out) => {
    if (this.keyword(this.pos) === Keyword.If) {
      out.push(this.ifItems(this.readConfigItem));
    } else if (this.kind[this.pos] === T2.DoubleStar) {
      const star = this.pos++;
      const inner = this.expr(0);
      out.push({ type: "unpack", first: star, last: inner.last });
    } else {
      const entry = this.entry();
      if (this.keyword(this.pos) === Keyword.For) return true;
      out.push(entry);
    }
    return false;
  };
  entry() {
    const first = this.pos;
    const keyExpr = this.expr(NO_SCHEMA | NO_TERNARY);
    const op = this.kind[this.pos];
    if (op !== T2.Colon && op !== T2.Assign && op !== T2.PlusAssign)
      this.fail(this.pos, `expected ':', '=' or '+=' after a config key, found ${this.describe(this.pos)}`);
    const operator = op === T2.Colon ? ":" : op === T2.Assign ? "=" : "+=";
    this.pos++;
    const value = this.expr(0);
    return { type: "entry", key: new KeyNode(this.tokens, keyExpr), operator, value, first, last: value.last };
  }
  /** `if c: items (elif c: items)* (else: items)?` inside a config or a list, each item read by `read`. */
  ifItems(read) {
    const first = this.pos;
    this.enter(first);
    const column = this.column(first);
    const branches = [];
    while (true) {
      if (this.keyword(this.pos) === Keyword.Else) this.pos++;
      else {
        this.pos++;
        this.expr(0);
      }
      this.expect(T2.Colon, "':' after the condition");
      const branch = [];
      const inline = this.kind[this.pos] !== T2.Newline;
      if (inline ? read(branch) : this.items(branch, column, read)) this.fail(this.pos, "a comprehension cannot be an if entry");
      branches.push(branch);
      let next = this.pos;
      while (this.kind[next] === T2.Newline) next++;
      const keyword = this.keyword(next);
      if ((keyword === Keyword.Elif || keyword === Keyword.Else) && this.column(next) === column) this.pos = next;
      else break;
    }
    let last = this.pos - 1;
    while (this.kind[last] === T2.Newline || this.kind[last] === T2.Comma) last--;
    this.depth--;
    return { type: "if", branches, first, last };
  }
};
var LOOK_BACK = 256;
function parseKcl(text2) {
  const tokens = tokenize(text2);
  return { tokens, statements: new Parser3(tokens).module() };
}
function parseKclExpression(text2) {
  const tokens = tokenize(text2);
  const parser = new Parser3(tokens);
  while (tokens.kind[parser.pos] === T2.Newline || tokens.kind[parser.pos] === T2.Indent) parser.pos++;
  const expr = parser.expr(0);
  while (tokens.kind[parser.pos] === T2.Newline || tokens.kind[parser.pos] === T2.Dedent) parser.pos++;
  return { tokens, expr, complete: tokens.kind[parser.pos] === T2.EOF };
}

// src/kcl/markers.ts
var CLOSERS = /* @__PURE__ */ new Set([T.RParen, T.RBracket, T.RBrace, T.Comma, T.Semicolon]);
var BRACKET_CLOSERS = /* @__PURE__ */ new Set([T.RParen, T.RBracket, T.RBrace]);
function* markerComments(tokens) {
  const { text: text2 } = tokens.source;
  let token = 0;
  for (let c = 0, next = text2.indexOf(MARKER_KEY); c < tokens.commentCount && next >= 0; c++) {
    const start = tokens.commentStart[c];
    const end = tokens.commentEnd[c];
    if (next < start) next = text2.indexOf(MARKER_KEY, start);
    if (next < 0 || next >= end) continue;
    next = text2.indexOf(MARKER_KEY, end);
    const comment = text2.slice(start, end);
    const line = tokens.source.line(start);
    while (token + 1 < tokens.count && tokens.end[token + 1] <= start) token++;
    if ([...text2.slice(tokens.source.lineStart(start), start)].every((c2) => isSpace(c2.charCodeAt(0)))) {
      yield { comment, start, line, ownLine: true };
      continue;
    }
    if (tokens.end[token] > start) continue;
    let at = token;
    while (at > 0 && CLOSERS.has(tokens.kind[at])) at--;
    if (tokens.source.line(tokens.start[at]) === line) yield { comment, start, line, token: at };
    else yield { comment, start, line, follows: follows(tokens, at, token) };
  }
}
function follows(tokens, at, last) {
  for (let t = last; t > at; t--) if (BRACKET_CLOSERS.has(tokens.kind[t])) return `a closing ${tokens.source.text.slice(tokens.start[t], tokens.end[t])}`;
  const begun = `begun on line ${tokens.source.line(tokens.start[at])}`;
  return tokens.kind[at] === T.String ? `a string ${begun}` : `a value ${begun}`;
}
function misplacedMarkerWarning(marker, follows2) {
  return `Flux setter "${marker.setter}" follows ${follows2}, where it marks nothing: a KCL marker sets the string its line ends with, closers and commas aside, so the values before it are treated as unmarked; write it at the end of the line of the string value it sets`;
}
function kclMarkers(text2, misplaced = false) {
  let tokens;
  try {
    ({ tokens } = parseKcl(text2));
  } catch (error) {
    if (error instanceof SourceError) return [];
    throw error;
  }
  const found = [];
  for (const place of markerComments(tokens)) {
    const reading = "token" in place !== misplaced ? readMarker(place.comment) : void 0;
    if (reading && "marker" in reading)
      found.push({ marker: reading.marker, line: place.line, before: text2.slice(tokens.source.lineStart(place.start), place.start).trim() });
  }
  return found;
}

// src/kcl/override-spec.ts
var OverrideSpecError = class extends SourceError {
  constructor(spec, message) {
    super(message);
    this.spec = spec;
    this.name = "OverrideSpecError";
  }
  spec;
};
function invalidSpec(spec) {
  return new OverrideSpecError(
    spec,
    `Invalid spec format '${spec}', expected <field_path>=<filed_value>, <field_path>:<filed_value>, <field_path>+=<filed_value> or <field_path>-`
  );
}
function quotedLength(chars, at) {
  const quote2 = chars[at];
  if (chars[at + 1] === quote2 && chars[at + 2] === quote2) return 0;
  let backslashes = 0;
  for (let i = at + 1; i < chars.length; i++) {
    const c = chars[i];
    if (c === "\n") return 0;
    if (c === quote2 && backslashes % 2 === 0) return i - at + 1;
    backslashes = c === "\\" ? backslashes + 1 : 0;
  }
  return 0;
}
function splitOperator(spec) {
  const chars = Array.from(spec);
  let depth = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (depth === 0 && c === "=") return { path: chars.slice(0, i).join(""), value: chars.slice(i + 1).join(""), operation: "=" };
    if (depth === 0 && c === ":") return { path: chars.slice(0, i).join(""), value: chars.slice(i + 1).join(""), operation: ":" };
    if (depth === 0 && c === "+") {
      if (chars[i + 1] === "=") return { path: chars.slice(0, i).join(""), value: chars.slice(i + 2).join(""), operation: "+=" };
    } else if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") depth = Math.max(0, depth - 1);
    else if (c === '"' || c === "'") {
      const length2 = quotedLength(chars, i);
      if (length2 > 0) i += length2 - 1;
    }
  }
  return void 0;
}
function parseOverridePath(path) {
  const parts = [];
  let current = "";
  let inBrackets = false;
  const chars = Array.from(path);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (inBrackets) {
      if (c === '"' || c === "'") {
        if (chars[i + 1] !== "]") throw new OverrideSpecError(path, "Expected closing bracket");
        i++;
        inBrackets = false;
      } else current += c;
    } else if (c === ".") {
      if (current !== "") parts.push(current);
      current = "";
    } else if (c === "[") {
      if (current !== "") parts.push(current);
      current = "";
      inBrackets = true;
      const next = chars[++i];
      if (next !== void 0 && next !== '"' && next !== "'") throw new OverrideSpecError(path, "Expected opening quote after '['");
    } else if (c === "]") {
      throw new OverrideSpecError(path, "Unmatched closing bracket");
    } else current += c;
  }
  if (current !== "") parts.push(current);
  return parts;
}
function parseOverrideSpec(spec) {
  const split2 = splitOperator(spec);
  if (split2) {
    const path = split2.path.trim();
    const value = split2.value.trim();
    if (path === "" || value === "") throw invalidSpec(spec);
    return { ...pathOf(path), operation: split2.operation, value };
  }
  if (spec.endsWith("-")) {
    const path = spec.slice(0, -1).trim();
    if (path === "") throw invalidSpec(spec);
    return { ...pathOf(path), operation: "-", value: "" };
  }
  throw invalidSpec(spec);
}
function pathOf(written) {
  const parts = parseOverridePath(written);
  const emptyKey = /^\.|\.\.|\.$/.test(written) && parts.length > 0;
  return { path: emptyKey ? formatOverridePath(parts) : written, parts };
}
function isKeyword(word) {
  return RESERVED.has(word);
}
function isIdentifier(key) {
  return isName(key) && !RESERVED.has(key);
}
function formatOverridePath(parts, base = "") {
  return parts.reduce((path, p) => isIdentifier(p) ? path === "" ? p : `${path}.${p}` : `${path}[${JSON.stringify(p)}]`, base);
}

// src/kcl/skipped.ts
var SKIPPED_EXPRESSIONS = {
  number: "a number",
  constant: "a constant",
  parentheses: "parentheses",
  call: "a call",
  subscript: "a subscript",
  attribute: "an attribute access",
  ternary: "a ternary",
  lambda: "a lambda",
  quantifier: "an all/any/map/filter expression",
  "list comprehension": "a list comprehension",
  "dict comprehension": "a dict comprehension",
  unpacking: "a * unpacking"
};
var SKIPPED_STATEMENTS = {
  decorator: "a decorator",
  "type alias": "a type alias",
  schema: "a schema definition",
  rule: "a rule",
  protocol: "a protocol",
  mixin: "a mixin",
  "if block": "an if block",
  "for block": "a for block",
  assert: "an assert statement",
  "check block": "a check block",
  "type annotation": "a type annotation",
  expression: "an expression statement"
};
var MATCHED_OPERATORS = /* @__PURE__ */ new Set(["+", "|"]);
var PRECEDENCE = {
  or: 1,
  and: 2,
  ...Object.fromEntries(["in", "not in", "is", "is not", "as", "<", "<=", ">", ">=", "!=", "=="].map((op) => [op, 3])),
  "|": 4,
  "^": 5,
  "&": 6,
  "<<": 7,
  ">>": 7,
  "+": 8,
  "-": 8,
  ...Object.fromEntries(["*", "/", "//", "%"].map((op) => [op, 9])),
  "**": 10
};
var precedence = (operator) => PRECEDENCE[operator] ?? 0;
function operatorsOver(operation) {
  const { operators } = operation;
  if (operation.operands.length === 1) return [operators[0]];
  const count = operators.length;
  const appliedAfter = (later, earlier) => {
    const [p, q] = [precedence(operators[later]), precedence(operators[earlier])];
    return p < q || p === q && operators[later] !== "**";
  };
  const parent = new Int32Array(count).fill(-1);
  const rightEdge = [];
  for (let g = 0; g < count; g++) {
    let child = -1;
    while (rightEdge.length > 0 && appliedAfter(g, rightEdge[rightEdge.length - 1])) child = rightEdge.pop();
    if (child >= 0) parent[child] = g;
    if (rightEdge.length > 0) parent[g] = rightEdge[rightEdge.length - 1];
    rightEdge.push(g);
  }
  const over = new Array(count);
  const known = new Uint8Array(count);
  const path = [];
  for (let g = 0; g < count; g++) {
    let up = g;
    for (; up >= 0 && known[up] === 0; up = parent[up]) path.push(up);
    let found = up >= 0 ? over[up] : void 0;
    for (let i = path.length - 1; i >= 0; i--) {
      const at = path[i];
      if (!MATCHED_OPERATORS.has(operators[at])) found = operators[at];
      over[at] = found;
      known[at] = 1;
    }
    path.length = 0;
  }
  return operation.operands.map((_, i) => over[i === 0 ? 0 : i === count || appliedAfter(i, i - 1) ? i - 1 : i]);
}
var holds = (node2, token) => node2.first <= token && token <= node2.last;
function holding2(nodes, token) {
  const at = partitionPoint(nodes.length, (i) => nodes[i].last < token);
  return at < nodes.length && holds(nodes[at], token) ? at : -1;
}
var overByOperation = /* @__PURE__ */ new WeakMap();
function skippedConstruct(statements, token) {
  const statement = statements[holding2(statements, token)];
  if (statement === void 0) return void 0;
  if (statement.type === "other") return SKIPPED_STATEMENTS[statement.construct];
  if (statement.type === "import") return "an import";
  if (holds(statement.value, token)) return inExpr(statement.value, token);
  return statement.type === "assign" && statement.annotation && holds(statement.annotation, token) ? "a type annotation" : "the left side of an assignment";
}
function literalTypes(module) {
  const { tokens } = module;
  let aliases;
  const aliasValue = (name) => {
    aliases ??= new Map(
      module.statements.flatMap(
        (s) => s.type === "other" && s.construct === "type alias" ? [[nodeText(tokens, { first: s.first + 1, last: s.first + 1 }), { first: s.first + 3, last: s.last }]] : []
      )
    );
    return aliases.get(name);
  };
  const listsLiterals = (annotation) => {
    const seen = /* @__PURE__ */ new Set();
    for (const pending = [annotation]; pending.length > 0; ) {
      const { first, last } = pending.pop();
      for (let t = first; t <= last; t++) {
        if (tokens.kind[t] === T.String) return true;
        if (tokens.kind[t] !== T.Name) continue;
        const name = nodeText(tokens, { first: t, last: t });
        const value = seen.has(name) ? void 0 : aliasValue(name);
        seen.add(name);
        if (value !== void 0) pending.push(value);
      }
    }
    return false;
  };
  const typed2 = /* @__PURE__ */ new Map();
  for (const s of module.statements)
    if (s.type === "assign" && s.annotation !== void 0 && listsLiterals(s.annotation)) typed2.set(s, nodeText(tokens, s.annotation));
  return typed2;
}
function inExpr(expr, token) {
  switch (expr.type) {
    case "other":
      return SKIPPED_EXPRESSIONS[expr.construct];
    case "config":
      return inItems(expr.items, token);
    case "schema":
      return holds(expr.config, token) ? inItems(expr.config.items, token) : "a schema's arguments";
    case "list":
      return inListItems(expr.items, token);
    case "operation":
      return inOperation(expr, token);
    default:
      return void 0;
  }
}
function inOperation(operation, token) {
  const at = holding2(operation.operands, token);
  if (at < 0) return void 0;
  let over = overByOperation.get(operation);
  if (over === void 0) overByOperation.set(operation, over = operatorsOver(operation));
  const operator = over[at];
  if (operator === void 0) return inExpr(operation.operands[at], token);
  if (operation.operands.length > 1) return `an operand of '${operator}'`;
  return operator === "not" ? "the operand of 'not'" : `the operand of unary '${operator}'`;
}
function inItems(items, token) {
  const item = items[holding2(items, token)];
  if (item === void 0) return void 0;
  if (item.type === "unpack") return "a ** unpacking";
  if (item.type === "if") return inBranches(item, token, inItems);
  return holds(item.key, token) ? "a config key" : inExpr(item.value, token);
}
function inListItems(items, token) {
  const item = items[holding2(items, token)];
  return item?.type === "if" ? inBranches(item, token, inListItems) : item && inExpr(item, token);
}
function inBranches(item, token, inBranch) {
  const branch = item.branches.find((items) => holding2(items, token) >= 0);
  return branch ? inBranch(branch, token) : "an if condition";
}

// src/kcl/parenthesized.ts
function parenthesized(tokens, expr) {
  const at = heldToken(tokens, expr);
  if (at === void 0) return void 0;
  const { kind: kind2 } = tokens;
  if (kind2[at] === T.String) return { type: "string", token: at, first: expr.first, last: expr.last };
  return kind2[at] === T.Name && !isConstant(tokens, at) ? { type: "name", name: nodeText(tokens, { first: at, last: at }), first: expr.first, last: expr.last } : void 0;
}
function parenthesizedConstant(tokens, expr) {
  const at = heldToken(tokens, expr);
  return at !== void 0 && tokens.kind[at] === T.Name && isConstant(tokens, at) ? at : void 0;
}
function heldToken(tokens, expr) {
  if (expr.type !== "other" || expr.construct !== "parentheses") return void 0;
  const { kind: kind2 } = tokens;
  let { first, last } = expr;
  while (first < last) {
    if (kind2[first] === T.Newline) first++;
    else if (kind2[last] === T.Newline) last--;
    else if (kind2[first] === T.LParen && kind2[last] === T.RParen) [first, last] = [first + 1, last - 1];
    else break;
  }
  return first === last ? first : void 0;
}
function isConstant(tokens, at) {
  const keyword = keywordAt(tokens, at);
  return keyword === Keyword.TrueValue || keyword === Keyword.FalseValue || keyword === Keyword.NoneValue || keyword === Keyword.UndefinedValue;
}

// src/kcl/spec-value.ts
function isNoneValue(tokens, expr) {
  const at = expr.type === "other" && expr.construct === "constant" ? expr.first : parenthesizedConstant(tokens, expr);
  if (at === void 0) return false;
  const keyword = keywordAt(tokens, at);
  return keyword === Keyword.NoneValue || keyword === Keyword.UndefinedValue;
}
function plainString2(tokens, expr) {
  if (expr.type !== "string" || tokens.flags[expr.token] & StringFlag.Interpolated) return void 0;
  return stringLiteralValue(nodeText(tokens, expr));
}
function readSpecValue(text2) {
  const parsed = parseSpecValue(text2);
  if (parsed instanceof SourceError) {
    const at = errorIndex(text2, parsed);
    return { kind: "other", form: "a value KCL cannot read", why: parsed.message, ...at >= 0 && { at } };
  }
  const { tokens, expr, complete } = parsed;
  if (expr.type === "operation") return { kind: "whole-text", tokens, expr };
  if (!complete) {
    const kept = nodeText(tokens, expr);
    const rest = text2.slice(tokens.end[expr.last]).trim();
    return { kind: "other", form: `a value of which KCL keeps only '${kept}'`, why: `KCL would keep only '${kept}'`, head: { text: kept, rest } };
  }
  if (expr.type !== "string") return { kind: "expression", tokens, expr, form: "an expression" };
  const value = plainString2(tokens, expr);
  if (value === void 0) return { kind: "expression", tokens, expr, form: "an interpolated string" };
  const raw = nodeText(tokens, expr);
  return { kind: "literal", tokens, expr, value, style: readStringLiteral(raw).style, start: tokens.start[expr.token], end: tokens.end[expr.token] };
}
function parseSpecValue(value) {
  try {
    return parseKclExpression(value);
  } catch (e) {
    if (!(e instanceof SourceError)) throw e;
    const at = errorIndex(value, e);
    const head = at > 0 ? parseHead(value.slice(0, at)) : void 0;
    return head?.expr.type === "operation" ? head : e;
  }
}
function errorIndex(text2, error) {
  const lineStart = error.line === void 0 ? void 0 : new LineIndex(text2).lineStart(error.line);
  return lineStart === void 0 || error.column === void 0 ? -1 : lineStart + error.column - 1;
}
function parseHead(text2) {
  try {
    return parseKclExpression(text2);
  } catch (e) {
    if (!(e instanceof SourceError)) throw e;
    return void 0;
  }
}
function shellQuoting(fieldName) {
  return fieldName?.shell ? " (in a shell, single-quote the whole argument, so that its quotes and parentheses reach the tool)" : "";
}
function usableSpecValue(spec, raw, fieldName) {
  const read = readSpecValue(spec.value);
  if (read.kind !== "other") return read;
  const hint = valueHint(spec, read);
  const shell = hint?.unquoted ? shellQuoting(fieldName) : "";
  throw new OverrideSpecError(raw, `the value of '${raw}' is not one KCL expression (${read.why})${hint === void 0 ? "" : `; ${hint.text}${shell}`}`);
}
function valueHint(spec, read) {
  const { path, operation, value } = spec;
  const operator = /^(?:\+=|[=:])+/.exec(value)?.[0];
  if (operator !== void 0) return { text: `'${operation}${operator}' is no operator of KCL's -O, whose operators are =, :, += and -` };
  const opener = /^[rR]?["']/.exec(value)?.[0];
  if (read.head && (opener !== void 0 || /^[[{(]/.test(value)))
    return { text: `it is two expressions, '${read.head.text}' and '${read.head.rest}': give one` };
  if (opener === void 0) return { text: `quote a string value: ${path}="${value}"`, unquoted: true };
  return read.at !== void 0 && read.at < opener.length ? { text: "close its quote" } : void 0;
}
function specSetting(text2) {
  let spec;
  try {
    spec = parseOverrideSpec(text2);
  } catch (error) {
    if (error instanceof OverrideSpecError) return void 0;
    throw error;
  }
  if (spec.operation === "-") return void 0;
  const setting = { path: spec.path, text: spec.value };
  const value = readSpecValue(spec.value);
  const quoted3 = (reference) => `write the reference alone as one quoted string: ${spec.path}="${reference}"`;
  if (value.kind === "other") {
    const hint = valueHint(spec, value)?.text;
    return { ...setting, value: { form: value.form, advice: hint === void 0 ? quoted3 : () => hint } };
  }
  if (value.kind === "expression") {
    const advice = value.expr.type === "string" ? (reference) => `write the version in the string itself, not through \${\u2026}: ${spec.path}="${reference}"` : spec.operation === "+=" ? () => "-O sets no list item, so keep the image in the .k file's list, where it is edited" : (reference) => `set the image in a spec of its own whose value is one quoted string (<field>="${reference}")`;
    return { ...setting, value: { form: value.form, advice, kcl: true } };
  }
  if (spec.operation === "+=") return void 0;
  const at = text2.trimEnd().length - spec.value.length;
  if (value.kind === "literal") {
    const write = (string2) => writeStringLiteral(string2, value.style);
    return { ...setting, value: { string: value.value, start: at + value.start, end: at + value.end, write } };
  }
  const whole = "an expression (KCL reads it as the string of its whole text)";
  return { ...setting, value: { string: spec.value, start: at, end: at + spec.value.length, write: (string2) => string2, whole, advice: quoted3 } };
}

// src/kcl/string-constant.ts
function assignedStrings(statements, tokens) {
  const assigned = /* @__PURE__ */ new Map();
  const add = (name, held) => {
    const list = assigned.get(name);
    if (list) list.push(held);
    else assigned.set(name, [held]);
  };
  for (const s of statements) {
    if (s.type === "assign") {
      const held = s.value.type === "string" && !(tokens.flags[s.value.token] & StringFlag.Interpolated) ? s.value.token : void 0;
      for (const name of new Set(s.targets)) add(name, held);
    } else if (s.type === "aug-assign" || s.type === "unification") add(s.target, void 0);
    else if (s.type === "other" && (s.construct === "if block" || s.construct === "for block")) {
      for (const name of blockAssigned(tokens, s.first, s.last)) add(name, void 0);
    }
  }
  return assigned;
}
var STATEMENT_START = /* @__PURE__ */ new Set([T.Newline, T.Indent, T.Dedent, T.Colon, T.Semicolon]);
var ASSIGNING = /* @__PURE__ */ new Set([T.Assign, T.AugAssign, T.PlusAssign, T.Colon]);
function blockAssigned(tokens, first, last) {
  const { kind: kind2, match } = tokens;
  const names = [];
  for (let t = first; t <= last; t++) {
    const k = kind2[t];
    if (k === T.LParen || k === T.LBracket || k === T.LBrace) t = match[t];
    else if (k === T.Name && t > first && (STATEMENT_START.has(kind2[t - 1]) || kind2[t - 1] === T.Assign) && ASSIGNING.has(kind2[t + 1]))
      names.push(nodeText(tokens, { first: t, last: t }));
  }
  return names;
}
function stringConstant(assigned, name) {
  const held = assigned.get(name);
  return held?.length === 1 ? held[0] : void 0;
}
function constantValue(tokens, assigned, value) {
  const name = value.type === "name" ? value.name : value.type === "string" ? /^\$\{\s*([A-Za-z_]\w*)\s*\}$/.exec(readStringLiteral(nodeText(tokens, { first: value.token, last: value.token })).body)?.[1] : void 0;
  const token = name === void 0 ? void 0 : stringConstant(assigned, name);
  return token === void 0 ? void 0 : { name, token };
}
function registryString(tokens, assigned, value) {
  const held = parenthesized(tokens, value) ?? value;
  if (held.type === "string" && !(tokens.flags[held.token] & StringFlag.Interpolated)) return { text: registryLiteral(tokens, held.token) };
  const constant = constantValue(tokens, assigned, held);
  return constant && { text: registryLiteral(tokens, constant.token), constant: constant.name };
}
function registryLiteral(tokens, token) {
  return stringLiteralValue(nodeText(tokens, { first: token, last: token }));
}

// src/kcl/editor.ts
function newReadConfig() {
  return { fields: /* @__PURE__ */ new Map(), configs: /* @__PURE__ */ new Map() };
}
function childConfig(config, key, replace) {
  let child = config.configs.get(key);
  if (child === void 0 || replace) config.configs.set(key, child = newReadConfig());
  return child;
}
function mergesEntries(items) {
  let configKeys;
  for (const item of items) {
    if (item.type !== "entry" || item.key.parts === void 0) continue;
    if (item.key.parts.length > 1) return true;
    if (item.value.type !== "config" && item.value.type !== "schema") continue;
    const key = item.key.parts[0];
    if (configKeys?.has(key)) return true;
    (configKeys ??= /* @__PURE__ */ new Set()).add(key);
  }
  return false;
}
var JOINED_LITERALS = 6;
function assertSafeBody(value, line) {
  if (/["'\\\r\n]|\$\{/.test(value)) throw new SourceError(`refusing to write ${JSON.stringify(value)} into a KCL string`, line);
}
var ImageEditor = class {
  constructor(tokens, request, overridden, literalTyped, statements) {
    this.tokens = tokens;
    this.request = request;
    this.literalTyped = literalTyped;
    this.statements = statements;
    this.typedInOrder = [...literalTyped.keys()];
    this.setInFile = new Set(overridden.repositories);
    this.setPaths = [...overridden.paths ?? []];
    this.text = tokens.source.text;
    this.screens = request.images.map((u) => screenToken(u.image));
    this.tails = request.images.map((u) => registryTail(u.image));
    this.incoming = byRepository(request.images);
    this.marked = new MarkedFields(request);
  }
  tokens;
  request;
  literalTyped;
  statements;
  edits = [];
  warnings = [];
  marked;
  text;
  screens;
  /** `/web:` for ghcr.io/acme/web: how a reference built on a registry variable (`_registry + "/web:"`) shows in the text. */
  tails;
  incoming;
  /**
   * Repositories a marker or a configured override sets in this file: an interpolation building
   * their reference is already taken care of (the advice of its warning was followed).
   */
  setInFile;
  /** String tokens a marker comment claims (set, or refused with a warning), or a Helm-style pair decides: never matched by repository alone. */
  claimed = /* @__PURE__ */ new Set();
  /** String tokens the walk met outside interpolations, edited or not: the others are where matching by repository never goes. */
  reached = /* @__PURE__ */ new Set();
  /** Each split image's repository string token with a registry field beside it, read by the walk for a :name marker's write (registryJoin). */
  registries = /* @__PURE__ */ new Map();
  /** Paths a `--set` sets (Overridden.paths). */
  setPaths;
  /** The literal-typed assignments in file order, for typedAt. */
  typedInOrder;
  /** Where the walk met strings, kept only when a `--set` may set their field (it answers for their warnings). */
  fieldAt = /* @__PURE__ */ new Map();
  /** Each name's top-level assignments (assignedStrings), read once, when a warning first asks. */
  #assigned;
  walk(expr, path) {
    switch (expr.type) {
      case "string":
        return this.visit(expr, path);
      case "other": {
        const string2 = this.stringValue(expr);
        return string2 && this.visit(string2, path);
      }
      case "schema":
        return this.walkItems(expr.config.items, path);
      case "config":
        return this.walkItems(expr.items, path);
      case "list":
        return expr.items.forEach((item, i) => this.walkListItem(item, { parent: path, step: i }));
      case "operation": {
        const over = operatorsOver(expr);
        return expr.operands.forEach((operand, i) => over[i] === void 0 && this.walk(operand, path));
      }
      default:
        return;
    }
  }
  /** An `if` item's items take its place in the list: `[a, if c: b]` reports b as `[1]`. */
  walkListItem(item, path) {
    if (item.type !== "if") return this.walk(item, path);
    for (const branch of item.branches) for (const inner of branch) this.walkListItem(inner, path);
  }
  walkItems(items, path) {
    this.helmImages(items, path);
    for (const item of items) {
      if (item.type === "entry") {
        this.walk(item.value, { parent: path, step: item });
      } else if (item.type === "if") {
        for (const branch of item.branches) this.walkItems(branch, path);
      }
    }
  }
  /**
   * An image held as Helm values hold one, `repository` (or `name`, with an optional
   * `registry`) beside `tag` (and `digest`), all string literals: when the repository is an
   * incoming one, the tag and digest move on under the decision helm.ts makes in YAML
   * (nextSplitImage: a `tag = "1.0.0@sha256:…"` pin is kept, an incoming digest with no digest
   * field is said at the pair). Its literals are then claimed: the repository alone is no news.
   * The fields are those of the config as KCL reads these entries (readEntries): dotted keys
   * (`image.tag = "1"`) and a key's configs merged, within this literal; a pair whose fields
   * only another statement or a `|` operand brings together is not read as one. A registry field
   * beside a repository, with or without a tag, is kept for a :name marker's warning (registryJoin).
   */
  helmImages(items, path) {
    if (!mergesEntries(items)) {
      if (!items.some((item) => item.type === "entry" && (this.isKey(item.key, "tag") || this.isKey(item.key, "registry")))) return;
      return this.helmImage(this.readEntries(items, path, false), () => this.pathText(path));
    }
    const visit3 = (config, at) => {
      if (config.fields.has("tag") || config.fields.has("registry"))
        this.helmImage(config, () => at.length === 0 ? this.pathText(path) : formatOverridePath(at, this.pathText(path)));
      for (const [key, inner] of config.configs) visit3(inner, [...at, key]);
    };
    visit3(this.readEntries(items, path, true), []);
  }
  /**
   * The split-image fields of the config entries `items` (at `path`) make, as KCL reads them: a
   * later entry of a key wins, and with `nested`, a dotted key is configs nested in one another
   * (`image.tag = "1"` is `image: {tag = "1"}`), and a key's config values merge, but for one given
   * with `=`, which replaces what the key held (KCL's config operators).
   */
  readEntries(items, path, nested, into = newReadConfig()) {
    for (const item of items) {
      if (item.type !== "entry" || item.key.parts === void 0 || !nested && item.key.parts.length !== 1) continue;
      const { parts } = item.key;
      const entryPath = { parent: path, step: item };
      let config = into;
      for (const [i, part] of parts.entries()) {
        if (part === IMAGE_KEY) config.fields.set(part, { path: entryPath, token: item.key.first });
        if (i < parts.length - 1) config = childConfig(config, part, false);
      }
      const key = parts[parts.length - 1];
      const string2 = this.stringValue(item.value);
      const nestedConfig = item.value.type === "config" || item.value.type === "schema";
      if (string2 !== void 0 && !(this.tokens.flags[string2.token] & StringFlag.Interpolated)) {
        if (SPLIT_IMAGE_KEYS.has(key)) config.fields.set(key, { path: entryPath, token: string2.token });
      } else if (key === "registry" && !nestedConfig) {
        if (!isNoneValue(this.tokens, item.value)) config.fields.set(key, { path: entryPath, token: item.value.first, value: item.value });
      } else if (string2 === void 0 && nested && nestedConfig) {
        const { items: inner } = item.value.type === "config" ? item.value : item.value.config;
        this.readEntries(inner, entryPath, true, childConfig(config, key, item.operator === "="));
      }
    }
    return into;
  }
  /** The string literal an expression is, as KCL reads it: a literal, or one in parentheses (`("app:1.0")`). */
  stringValue(expr) {
    if (expr.type === "string") return expr;
    const held = parenthesized(this.tokens, expr);
    return held?.type === "string" ? held : void 0;
  }
  /** A Helm-style image in `config`'s fields (helmImages), `pair` naming where the config is. */
  helmImage(config, pair) {
    const { repository, registry, tag, digest } = splitImage((key) => config.fields.get(key));
    if (repository && registry && !this.registries.has(repository.token)) this.registries.set(repository.token, { repository, registry });
    if (!repository || !tag) return;
    const fields = [repository, tag, registry, digest].filter((f) => f !== void 0);
    if (fields.some((f) => this.claimed.has(f.token))) {
      for (const f of fields) this.claimed.add(f.token);
      return;
    }
    const repositoryText = this.literal(repository.token).body;
    const registryText = registry && this.registryText(registry);
    const tagLiteral = this.literal(tag.token);
    const tagKey = this.pathText(tag.path);
    const version = { tag: tagLiteral.body, digest: digest && this.literal(digest.token).body };
    if (registry && registryText === void 0) return this.warnUnknownRegistry(registry, repositoryText, tagLiteral, tagKey, version);
    const name = splitImageName(registryText, repositoryText);
    const update = this.incoming.get(normalizeRepository(name) ?? "");
    if (!update) return;
    for (const f of fields) this.claimed.add(f.token);
    const { next, say } = nextSplitImage(update, version);
    say(this.versionNote(tagLiteral, tagKey, update.image.repository), this.versionNote(tagLiteral, pair(), update.image.repository));
    const { repository: named2 } = update.image;
    if (next?.tag !== void 0) this.write(tagLiteral, next.tag, "kcl-image", tagKey, named2);
    if (digest && next?.digest !== void 0) this.write(this.literal(digest.token), next.digest, "kcl-image", this.pathText(digest.path), named2);
  }
  /**
   * What a split image's registry field names: its string literal's text, or that of the top-level string constant it is
   * (`registry = _reg`, `registry = "${_reg}"`, `(_reg)`, as a reference built on one is read), as `--set`'s stale-digest
   * advice reads it (registryString); undefined for any other value (another variable, a longer interpolation, a call),
   * which KCL computes from what this run does not read.
   */
  registryText(field2) {
    const { value } = field2;
    return value === void 0 ? registryLiteral(this.tokens, field2.token) : registryString(this.tokens, this.assigned(), value)?.text;
  }
  /**
   * A pair whose registry this run cannot read (registryText) is no image it knows, so its tag is left; said where an incoming
   * image may be the one it names (its repository after some registry, or alone) and its tag would move, naming the
   * registry field and what to do, so that a run leaving it does not read as one where every field is up to date.
   */
  warnUnknownRegistry(registry, repository, tag, tagKey, version) {
    const images = unknownRegistryImages(repository, this.incoming.values(), version);
    if (images.length === 0) return;
    const line = this.tokens.source.line(this.tokens.start[registry.token]);
    const written = nodeText(this.tokens, registry.value ?? { first: registry.token, last: registry.token });
    const why = "which is neither a string nor a top-level string constant";
    this.warnings.push({
      line: this.line(tag),
      message: unknownRegistryWarning({ field: this.pathText(registry.path), line, written, why }, repository, tagKey, images),
      about: { field: tagKey, reason: "advised-override", image: images[0], lines: [line] }
    });
  }
  /**
   * `key` is the one name `name` (`tag`), as an identifier (`tag`, `$tag`) or a string (`"tag"`, `r'tag'`,
   * `"""tag"""`, Python-dict style). Most configs hold no such key: a key that does not end in
   * `name`, before any closing quotes, is refused with no key text built.
   */
  isKey(key, name) {
    if (key.first !== key.last) return false;
    const { text: text2 } = this;
    const at = this.tokens.end[key.first] - name.length;
    if (!text2.startsWith(name, at) && !text2.startsWith(name, at - 1) && !text2.startsWith(name, at - 3)) return false;
    const { parts } = key;
    return parts?.length === 1 && parts[0] === name;
  }
  /** `config.containers[0].image`: a key path as a change reports it. */
  pathText(path) {
    if (path.parent === void 0) return path.target;
    const { parent, step } = path;
    if (typeof step === "number") return `${this.pathText(parent)}[${step}]`;
    const key = step.key.parts ?? [this.text.slice(this.tokens.start[step.key.first], this.tokens.end[step.key.last])];
    return formatOverridePath(key, this.pathText(parent));
  }
  /** The literal type of the assignment whose value holds token `token` (literalTypes), if any. */
  literalTypeAt(token) {
    const typed2 = this.typedInOrder[holding2(this.typedInOrder, token)];
    return typed2 && holds(typed2.value, token) ? this.literalTyped.get(typed2) : void 0;
  }
  /** Whether token `token` is in the literal type of an assignment (`c: "a" | "b" = "a"`): a type, never a value to set. */
  inLiteralType(token) {
    const annotation = this.typedInOrder[holding2(this.typedInOrder, token)]?.annotation;
    return annotation !== void 0 && holds(annotation, token);
  }
  /** 1-based line of a literal, for changes and warnings. */
  line(literal2) {
    return this.tokens.source.line(literal2.start);
  }
  /** Says `message` at a literal's line, of `kind` when it has one. */
  warnAt(literal2, message, kind2) {
    this.warnings.push({ line: this.line(literal2), message, ...kind2 && { kind: kind2 } });
  }
  /** What a field's version decision for `image` (a repository) tells (VersionNote), said at a literal after the field's name and kept as what the warning is about (overrides.ts). */
  versionNote(literal2, field2, image) {
    return (why, kind2) => this.warnings.push({ line: this.line(literal2), ...versionNoteWarning(field2, why, kind2, image) });
  }
  /**
   * Every comment holding a Flux marker, wherever its line is (a config value, a schema
   * default, an `if` block, a lambda, a ternary): the marker sets the string literal that ends
   * the line before it, closers and commas aside (markers.ts), as Flux's setters set the field a
   * line comment follows. Runs before the walk, which leaves marked literals to it.
   */
  markLiterals() {
    const { tokens } = this;
    for (const place of markerComments(tokens)) {
      const { line } = place;
      const reading = readMarker(place.comment);
      if (!("token" in place)) {
        if (reading !== void 0 && "marker" in reading)
          this.warnings.push({
            line,
            message: "ownLine" in place ? ownLineMarkerWarning(reading.marker) : misplacedMarkerWarning(reading.marker, place.follows)
          });
        continue;
      }
      const at = place.token;
      if (reading === void 0) continue;
      if ("ignored" in reading) {
        this.warnings.push({ line, message: reading.ignored });
        continue;
      }
      if ("error" in reading) {
        this.warnings.push({ line, message: reading.error });
        this.claimed.add(at);
        continue;
      }
      const { marker } = reading;
      const marked = this.markedString(at, marker);
      if (marked === void 0) continue;
      if (tokens.kind[marked] !== T.String)
        this.warnings.push({ line, message: `Flux setter "${marker.setter}" marks a value that is not a string literal; only a literal can be set` });
      else if (tokens.flags[marked] & StringFlag.Interpolated)
        this.warnings.push({ line, message: `Flux setter "${marker.setter}" marks a string with \${...}, which is not edited` });
      else this.mark(marked, marker);
      this.claimed.add(marked);
    }
  }
  /**
   * The token a marker after token `at` marks: the string it follows on its line, as go-yaml gives
   * a line comment to the last node on its line (`{repository = "app", tag = "1.0"} # {...:tag}`
   * sets the tag). A whole-reference marker on a line of several strings marks the only one holding
   * its setter's repository (`{image = "app:1", sidecar = "side:1"}`, a ternary with one image arm),
   * so another image is never written over; where that is not one string it marks none, said, and
   * they are left to matching by repository as unmarked values. A key this run has no image for is
   * warned about as such (MarkedFields), whichever string it marks.
   */
  markedString(at, marker) {
    const repository = this.request.setters.get(marker.key)?.image.repository;
    if (marker.field !== "ref" || repository === void 0) return at;
    const strings = this.stringsOnLine(at);
    if (strings.length < 2) return at;
    const own = strings.filter((t) => !(this.tokens.flags[t] & StringFlag.Interpolated) && tryParseImageRef(this.literal(t).body)?.repository === repository);
    if (own.length === 1) return own[0];
    const message = `Flux setter "${marker.setter}" is on a line with ${strings.length} strings, ${own.length === 0 ? "none" : own.length} of them holding ${repository}, so it marks none of them and they are treated as unmarked; write it after the value it sets, on a line of its own`;
    this.warnings.push({ line: this.tokens.source.line(this.tokens.start[at]), message });
    return void 0;
  }
  /** The string tokens on the line of token `last`, up to it. */
  stringsOnLine(last) {
    const { tokens } = this;
    const line = tokens.source.line(tokens.start[last]);
    const strings = [];
    for (let t = last; t >= 0 && tokens.source.line(tokens.end[t]) === line; t--) if (tokens.kind[t] === T.String && !this.inLiteralType(t)) strings.push(t);
    return strings;
  }
  /**
   * String literals holding an incoming image that no rule edits: interpolations
   * (`"ghcr.io/acme/app:${tag}"`), and literals where matching by repository never goes
   * (schema defaults, lambdas, ternaries, `if` blocks, call arguments, comprehensions), named.
   * Said at each, since a run that leaves them would otherwise read as one where every field
   * is up to date.
   */
  warnUnreached() {
    const { tokens } = this;
    const concatenations = /* @__PURE__ */ new Set();
    const strings = /* @__PURE__ */ new Set([...this.stringsHolding(this.screens), ...this.splitSpellings(this.screens)]);
    for (const t of [...strings].sort((a, b) => a - b)) {
      if (this.claimed.has(t)) continue;
      const literal2 = this.literal(t);
      const line = this.line(literal2);
      const built = tokens.flags[t] & StringFlag.Interpolated ? void 0 : this.builtReference(t);
      if (built !== void 0) {
        const { repository, variable, how, first, last } = built;
        if (!concatenations.has(first) && !this.setInFile.has(repository.repository) && !this.setBySet(first, variable)) {
          const message2 = `${nodeText(tokens, { first, last })} builds a reference of ${formatImageRef(repository)} ${how}, which is not edited; ${this.whereSet(variable)}`;
          this.warnings.push({ line: this.line(this.literal(first)), message: message2 });
        }
        concatenations.add(first);
        continue;
      }
      const joined2 = this.concatenatedReference(t);
      if (joined2 !== void 0) {
        const { ref: ref2, first, last } = joined2;
        if (!concatenations.has(first) && !this.setInFile.has(ref2.repository) && !this.setBySet(first, void 0)) {
          const message2 = `${nodeText(tokens, { first, last })} builds ${formatImageRef(ref2)} by concatenation, which is not edited; left as it is (written as one string, it would be set)`;
          this.warnings.push({ line: this.line(this.literal(first)), message: message2 });
        }
        concatenations.add(first);
        continue;
      }
      if (this.reached.has(t)) continue;
      if (tokens.flags[t] & StringFlag.Interpolated) {
        const stale = staleImageIn(literal2.body, this.incoming);
        const variable = stale && versionVariable(literal2.body, stale);
        if (stale && !this.setInFile.has(stale.repository) && !this.setBySet(t, variable)) {
          const written = formatImageRef(stale);
          const left = "which is not edited (nor set by a Flux marker); left as it is (an override of its field sets it)";
          const message2 = stale.tag === void 0 && stale.digest === void 0 ? `${literal2.body} builds a reference of ${written} with \${...}, which is not edited; ${this.whereSet(variable)}` : stale.digest === void 0 && literal2.body.includes(`${written}\${`) ? `${literal2.body} builds a tag of ${stale.name} with \${...}, ${left}` : `${literal2.body} holds ${written} in a string with \${...}, ${left}`;
          this.warnings.push({ line, message: message2 });
        }
        continue;
      }
      const ref = tryParseImageRef(literal2.body);
      const update = ref && this.incoming.get(ref.repository);
      if (!ref || !update || ref.tag === void 0 && ref.digest === void 0 || nextReference(update, ref) === void 0) continue;
      const typed2 = this.literalTypeAt(t);
      if (typed2 !== void 0) {
        this.warnings.push({ line, message: `holds ${literal2.body} ${literalTypeWarning(typed2)}` });
        continue;
      }
      const construct = skippedConstruct(this.statements, t);
      const where2 = construct === void 0 ? "" : ` in ${construct},`;
      const message = `holds ${literal2.body}${where2} where images are not matched by repository; left as it is (add a Flux marker on its line to have it set)`;
      this.warnings.push({ line, message });
    }
  }
  /**
   * References built on a registry held by a top-level string (`_registry = "ghcr.io/acme"`):
   * `_registry + "/web:" + _tag`, `"${_registry}/web:${_tag}"`, `_registry + "/web:1.2.3"`. No
   * rule edits them, and no string in them holds the repository: named, as interpolations are.
   */
  warnRegistryBuilt() {
    const { tokens } = this;
    for (const t of this.stringsHolding(this.tails)) {
      const built = this.builtOnRegistry(t);
      if (built === void 0 || this.setInFile.has(built.repository.repository)) continue;
      const { repository, registry, first, last, version } = built;
      const text2 = nodeText(tokens, { first, last });
      const from = `from ${registry.name} (line ${registry.line})`;
      const line = this.line(this.literal(t));
      const about = { reason: "unmoved", image: repository.repository, lines: [registry.line] };
      if (version.variable !== void 0) {
        if (this.setBySet(t, version.variable)) continue;
        const message = `${text2} builds a reference of ${formatImageRef(repository)} ${from} and ${version.variable}, which is not edited; ${this.whereSet(version.variable)}`;
        this.warnings.push({ line, message, about });
        continue;
      }
      const ref = tryParseImageRef(`${repository.name}:${version.tag}`);
      const update = ref && this.incoming.get(ref.repository);
      if (!ref || !update || nextReference(update, ref) === void 0 || this.setBySet(t, void 0)) continue;
      this.warnings.push({
        line,
        message: `${text2} builds ${formatImageRef(ref)} ${from}, which is not edited; left as it is (an override of its field sets it)`,
        about
      });
    }
  }
  /**
   * What string token `t` builds on a registry constant, when it does: the repository (the
   * constant, then the path up to `:`), the constant, the expression's tokens, and its version:
   * a variable (`+ _tag`, `${_tag}`) or a tag written in the string.
   */
  builtOnRegistry(t) {
    const { kind: kind2, flags } = this.tokens;
    const { body } = this.literal(t);
    let name;
    let path;
    let version;
    let last = t;
    let first = t;
    if (flags[t] & StringFlag.Interpolated) {
      const m = /^\$\{\s*([A-Za-z_]\w*)\s*\}(\/[^$:]+):(?:\$\{\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*\}|([\w][\w.-]*))$/.exec(body);
      if (m === null) return void 0;
      [name, path, version] = [m[1], m[2], m[3] !== void 0 ? { variable: m[3] } : { tag: m[4] }];
    } else {
      const m = /^(\/[^:]+):([\w][\w.-]*)?$/.exec(body);
      if (m === null || kind2[t - 1] !== T.Plus || kind2[t - 2] !== T.Name || kind2[t - 3] === T.Dot) return void 0;
      first = t - 2;
      [name, path] = [nodeText(this.tokens, { first, last: first }), m[1]];
      if (m[2] !== void 0) {
        if (kind2[t + 1] === T.Plus) return void 0;
        version = { tag: m[2] };
      } else {
        if (kind2[t + 1] !== T.Plus || kind2[t + 2] !== T.Name || keywordAt(this.tokens, t + 2) !== Keyword.Other) return void 0;
        last = t + 2;
        while (kind2[last + 1] === T.Dot && kind2[last + 2] === T.Name) last += 2;
        version = { variable: nodeText(this.tokens, { first: t + 2, last }) };
      }
    }
    const registry = this.registryConstant(name);
    const repository = registry && tryParseImageRef(`${registry.value}${path}`);
    if (!registry || !repository || repository.tag !== void 0 || repository.digest !== void 0 || !this.incoming.has(repository.repository))
      return void 0;
    return { repository, registry, first, last, version };
  }
  /**
   * The reference string token `token` builds with the version of a variable, when its text is a
   * repository and `:` and the variable follows: `"app:" + _tag`, `"app:%s" % _tag`,
   * `"app:{}".format(_tag)`. `first` and `last` are the expression's tokens.
   */
  builtReference(token) {
    const { kind: kind2 } = this.tokens;
    const text2 = (t) => nodeText(this.tokens, { first: t, last: t });
    const named2 = (body2) => {
      const ref = tryParseImageRef(body2.slice(0, body2.lastIndexOf(":")));
      return ref?.tag === void 0 && ref?.digest === void 0 && this.incoming.has(ref?.repository ?? "") ? ref : void 0;
    };
    let first = token;
    let body = this.literal(token).body;
    let at;
    let how;
    const run = this.literalRun(token);
    if (kind2[run.last + 1] === T.Plus && run.body.endsWith(":")) {
      [first, body] = run.whole && named2(run.body) ? [run.first, run.body] : [run.last, this.literal(run.last).body];
      [at, how] = [run.last + 2, "by concatenation"];
    } else if (body.endsWith(":%s") && kind2[token + 1] === T.Operator && text2(token + 1) === "%") [at, how] = [token + 2, "by % formatting"];
    else if (body.endsWith(":{}") && kind2[token + 1] === T.Dot && text2(token + 2) === "format" && kind2[token + 3] === T.LParen)
      [at, how] = [token + 4, "by .format()"];
    else return void 0;
    if (kind2[at] !== T.Name || keywordAt(this.tokens, at) !== Keyword.Other) return void 0;
    let last = at;
    while (kind2[last + 1] === T.Dot && kind2[last + 2] === T.Name) last += 2;
    if (how === "by .format()") {
      if (kind2[last + 1] !== T.RParen) return void 0;
      last++;
    }
    const repository = named2(body);
    if (repository === void 0) return void 0;
    return { repository, variable: nodeText(this.tokens, { first: at, last: how === "by .format()" ? last - 1 : last }), how, first, last };
  }
  /**
   * The reference a concatenation of string literals holding string token `token` makes
   * (`"app:" + "1.0.0"`, `"app" + ":1.0.0"`), when it is an incoming repository's with a version
   * a run would move, and its first literal is not a reference itself (`"app:1.0" + "-debug"` is
   * one with a suffix, which is set): `first` and `last` are its tokens.
   */
  concatenatedReference(token) {
    const { kind: kind2, flags } = this.tokens;
    const { first, last, body, whole } = this.literalRun(token);
    if (first === last || !whole || kind2[first - 1] === T.Plus || kind2[last + 1] === T.Plus || kind2[token] !== T.String || flags[token] & StringFlag.Interpolated)
      return void 0;
    const head = tryParseImageRef(this.literal(first).body);
    if (head !== void 0 && (head.tag !== void 0 || head.digest !== void 0)) return void 0;
    const ref = tryParseImageRef(body);
    const update = ref && this.incoming.get(ref.repository);
    if (!ref || !update || ref.tag === void 0 && ref.digest === void 0 || nextReference(update, ref) === void 0) return void 0;
    return { ref, first, last };
  }
  /**
   * The plain string literals joined by `+` around token `token` (`"ghcr.io/acme/" + "app:"`): the first and
   * last, the text they join to, and whether that is all of them. A reference has few parts (registry, path,
   * `:`, tag, `@`, digest): a run longer than JOINED_LITERALS builds something else, and is not read through.
   */
  literalRun(token) {
    const { kind: kind2, flags } = this.tokens;
    const string2 = (t) => kind2[t] === T.String && !(flags[t] & StringFlag.Interpolated);
    const reach = 2 * JOINED_LITERALS;
    let first = token;
    while (kind2[first - 1] === T.Plus && string2(first - 2) && token - first < reach) first -= 2;
    let last = token;
    while (kind2[last + 1] === T.Plus && string2(last + 2) && last - first < reach) last += 2;
    let body = "";
    for (let t = first; t <= last; t += 2) body += this.literal(t).body;
    return { first, last, body, whole: last - first < reach };
  }
  /** Whether a `--set` sets the string `token` building a reference (its field, or the variable its version is): the override is the answer. */
  setBySet(token, variable) {
    if (this.setPaths.length === 0) return false;
    const covers = (path) => this.setPaths.some((set2) => path === set2 || path.startsWith(`${set2}.`) || path.startsWith(`${set2}[`));
    const field2 = this.fieldAt.get(token);
    return field2 !== void 0 && covers(this.pathText(field2)) || variable !== void 0 && covers(variable);
  }
  /**
   * Where to set the version an interpolation puts after a repository (`"app:${_tag}"`): a
   * marker on the interpolation is refused, so the advice names the variable and the lines of
   * its top-level string assignments when there are any (`_tag = "1.2.3"`).
   */
  whereSet(variable) {
    const elsewhere = 'set the version where that variable is set (a Flux ":tag" marker on its line, or an override)';
    if (variable === void 0 || variable.includes(".")) return elsewhere;
    const lines = (this.assigned().get(variable) ?? []).flatMap((held) => held === void 0 ? [] : [this.line(this.literal(held))]);
    if (lines.length === 0) return elsewhere;
    const at = lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(", ")}`;
    return `set ${variable} (${at}) with a Flux ":tag" marker ${lines.length === 1 ? "on its line" : "on each"} or an override of ${variable}`;
  }
  /** A name assigned at the top level once, a plain string: what a reference built on it holds is known. */
  registryConstant(name) {
    const token = stringConstant(this.assigned(), name);
    const held = token === void 0 ? void 0 : this.literal(token);
    return held && { name, value: held.body, line: this.line(held) };
  }
  /** assignedStrings of the file, read on first use: most files have no warning that asks. */
  assigned() {
    return this.#assigned ??= assignedStrings(this.statements, this.tokens);
  }
  /**
   * The first string of each concatenation of literals whose joined text holds one of `needles`, also
   * where no one string does (`"ghcr.io/acme/" + "app:1.0.0"`).
   */
  splitSpellings(needles) {
    return joinedLiterals(this.tokens).filter(({ joined: joined2 }) => needles.some((needle) => joined2.includes(needle))).map(({ first }) => first);
  }
  /** The string tokens, in order, whose text holds one of `needles`: found by the needles' occurrences, not by reading every string. */
  stringsHolding(needles) {
    const { start, end, kind: kind2, count } = this.tokens;
    const found = /* @__PURE__ */ new Set();
    for (const needle of needles) {
      for (let at = this.text.indexOf(needle); at >= 0; at = this.text.indexOf(needle, at + 1)) {
        const t = Math.max(0, partitionPoint(count, (i) => start[i] <= at) - 1);
        if (kind2[t] === T.String && at + needle.length <= end[t]) found.add(t);
      }
    }
    return [...found].sort((a, b) => a - b);
  }
  /**
   * The text between a string token's quotes, and where it is. A plain single-line literal's escapes
   * (`\u002e`) are read as KCL reads them; a raw, triple-quoted or interpolated one's body is as written.
   */
  literal(token) {
    return literalAt(this.tokens, token);
  }
  visit(expr, path) {
    if (this.claimed.has(expr.token)) return;
    if (this.setPaths.length > 0) this.fieldAt.set(expr.token, path);
    if (this.tokens.flags[expr.token] & StringFlag.Interpolated) return;
    this.reached.add(expr.token);
    const literal2 = this.literal(expr.token);
    const { body } = literal2;
    if (!this.screens.some((token) => body.includes(token))) return;
    const ref = tryParseImageRef(body);
    if (!ref) return;
    const bare = ref.tag === void 0 && ref.digest === void 0;
    const named2 = bare ? this.besideRegistry(expr.token, ref) : ref;
    const update = named2 && this.incoming.get(named2.repository);
    if (!update) return;
    if (bare) {
      if (this.isSuffixed(expr.last) && (this.concatenatedReference(expr.token) ?? this.builtReference(expr.token)) !== void 0) return;
      const key2 = this.pathText(path);
      if (/(image|repo)[^.]*$/i.test(key2)) this.warnings.push({ line: this.line(literal2), ...bareFieldWarning(key2, update.image.repository) });
      return;
    }
    const key = this.pathText(path);
    const note = this.versionNote(literal2, key, update.image.repository);
    const next = nextVersion(update, versionOf(ref.tag, ref.digest), note);
    if (!next) return;
    if (next.digest !== void 0 && this.isSuffixed(expr.last)) {
      note(`is followed by a + suffix, ${suffixWarning(update.image)}`);
      if (update.image.tag !== void 0) this.write(literal2, formatImageRef({ name: ref.name, tag: next.tag }), "kcl-image", key);
    } else this.write(literal2, formatImageRef({ name: ref.name, ...next }), "kcl-image", key);
  }
  /** The image a split image's repository `ref` (string token `token`) names with the registry field beside it (registries), if any. */
  besideRegistry(token, ref) {
    const beside = this.registries.get(token);
    if (beside === void 0) return ref;
    const registry = this.registryText(beside.registry);
    return registry === void 0 ? void 0 : tryParseImageRef(splitImageName(registry, ref.name));
  }
  /** A `+` follows token `token`, a string's last (`"app:1.2.3" + "-debug"`, `("app:1.2.3") + "-debug"`): its value goes on after the literal. */
  isSuffixed(token) {
    return this.tokens.kind[token + 1] === T.Plus;
  }
  /**
   * A KCL file is one document: a setter's literals all decide together. A value whose type
   * lists string literals is left where the marker would move it: KCL refuses any other value.
   */
  mark(token, marker) {
    const literal2 = this.literal(token);
    const warn2 = (message, kind2) => this.warnAt(literal2, message, kind2);
    const typed2 = this.literalTypeAt(token);
    const image = typed2 === void 0 ? this.request.setters.get(marker.key)?.image : void 0;
    if (image !== void 0) this.setInFile.add(image.repository);
    const key = this.keyOf(token);
    const misfit = misfitWarning(marker, key ?? "a string", key, literal2.body);
    const write = (value) => {
      if (typed2 !== void 0) {
        if (value !== literal2.body) warn2(`Flux setter "${marker.setter}" marks ${literal2.body} ${literalTypeWarning(typed2)}`);
        return;
      }
      this.write(literal2, value, "setter", marker.setter);
      if (misfit) warn2(misfit(value));
      const joined2 = this.registryJoin(token, marker, value);
      if (joined2) warn2(joined2);
    };
    const suffixed = image !== void 0 && marker.field === "ref" && this.isSuffixed(token);
    this.marked.add({
      marker,
      text: literal2.body,
      document: 0,
      warn: warn2,
      write: suffixed ? (value) => this.writeBeforeSuffix(value, image, marker, warn2, write) : write
    });
  }
  /** The warning for `value` a marker writes into string token `token`, a split image's repository a chart may join to the registry beside it (registryJoinWarning). */
  registryJoin(token, marker, value) {
    const beside = this.registries.get(token);
    if (beside === void 0) return void 0;
    const { repository, registry } = beside;
    const text2 = this.registryText(registry) ?? nodeText(this.tokens, registry.value ?? { first: registry.token, last: registry.token });
    return registryJoinWarning(marker, this.pathText(repository.path), { field: this.pathText(registry.path), text: text2 }, value);
  }
  /**
   * The key whose value string token `token` is, read from the tokens before it (markers are read
   * before the walk, and a schema default is never walked): `tag = "1"`, `tag: "1"`, `image.tag =
   * "1"`, `tag: str = "1"`, `"tag": "1"`; none for a list item, or a type it does not read.
   */
  keyOf(token) {
    const { kind: kind2 } = this.tokens;
    const before = token - 1;
    if (kind2[before] !== T.Assign && kind2[before] !== T.Colon) return void 0;
    const name = kind2[before] === T.Assign && kind2[before - 1] === T.Name && kind2[before - 2] === T.Colon ? before - 3 : before - 1;
    if (kind2[name] === T.Name) return nodeText(this.tokens, { first: name, last: name });
    return kind2[name] === T.String ? this.literal(name).body : void 0;
  }
  /** A whole reference a marker sets in a string with a `+` suffix: an incoming digest would land before the suffix, so the tag alone is set. */
  writeBeforeSuffix(value, image, marker, warn2, write) {
    const next = tryParseImageRef(value);
    if (next?.digest === void 0 || next.digest !== image.digest) return write(value);
    warn2(`Flux setter "${marker.setter}" marks a string followed by a + suffix, ${suffixWarning(image)}`);
    if (image.tag !== void 0) write(formatImageRef({ name: next.name, tag: next.tag }));
  }
  /** Sets a literal's body, the change naming the incoming `repository` it writes a version of where the value alone names none (ChangeNames). */
  write(literal2, value, kind2, key, repository) {
    if (value === literal2.body) return;
    const line = this.line(literal2);
    assertSafeBody(value, line);
    this.edits.push({
      splice: literalSplice(literal2, value, this.text),
      change: { line, kind: kind2, key, old: literal2.body, new: value, ...repository !== void 0 && { repository } }
    });
  }
};
function literalSplice(literal2, value, text2) {
  const whole = { start: literal2.start, end: literal2.end, insert: value };
  if (literal2.escapes === void 0) return whole;
  const edit = escapedEdit(literal2.escapes, value, (middle) => middle);
  const body = text2.slice(literal2.start, literal2.end);
  const written = body.slice(0, edit.start) + edit.insert + body.slice(edit.end);
  return decodeEscapes(written).text === value ? { start: literal2.start + edit.start, end: literal2.start + edit.end, insert: edit.insert } : whole;
}
function literalTypeWarning(type) {
  return `in a value of the literal type ${type}: KCL refuses any value outside its literals, so it is left as it is (a type of str would let it be set)`;
}
function ownLineMarkerWarning(marker) {
  return `Flux setter "${marker.setter}" is on a comment line of its own, which marks nothing in KCL: a KCL marker sets the string its line ends with (the YAML form above the value does not apply)`;
}
function suffixWarning(image) {
  const why = "before the suffix a digest would make no image reference";
  return image.tag === void 0 ? `so it cannot take ${formatImageRef(image)}, which has only a digest; left as it is (${why})` : `so only the tag of ${formatImageRef(image)} is set there: its digest is not pinned (${why}, and it is ${image.tag}'s, not the suffixed tag's)`;
}
function versionVariable(body, stale) {
  if (stale.tag !== void 0 || stale.digest !== void 0) return void 0;
  return new RegExp(`${escapeRegExp(stale.name)}:\\$\\{\\s*([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*)\\s*(?::[^}]*)?\\}`).exec(body)?.[1];
}
var CONCATENATED_PATHS = ['/" + "', "/' + '"];
function literalAt(tokens, token) {
  const start = tokens.start[token];
  const end = tokens.end[token];
  const { style, body } = readStringLiteral(tokens.source.text.slice(start, end));
  const quotes = style.triple ? 3 : 1;
  const at = { start: start + style.prefix.length + quotes, end: end - quotes };
  if (style.prefix !== "" || style.triple || !body.includes("\\") || tokens.flags[token] & StringFlag.Interpolated) return { body, ...at };
  const escapes = decodeEscapes(body);
  return { body: escapes.text, ...at, escapes };
}
function joinedLiterals(tokens) {
  if (!CONCATENATED_PATHS.some((path) => tokens.source.text.includes(path))) return [];
  const { kind: kind2, flags, count } = tokens;
  const literal2 = (t) => kind2[t] === T.String && !(flags[t] & StringFlag.Interpolated);
  const found = [];
  for (let first = 0; first < count; first++) {
    if (!literal2(first) || kind2[first + 1] !== T.Plus || !literal2(first + 2) || kind2[first - 1] === T.Plus) continue;
    let joined2 = literalAt(tokens, first).body;
    for (let t = first + 2; literal2(t) && t - first < 2 * JOINED_LITERALS; t += 2) {
      joined2 += literalAt(tokens, t).body;
      if (kind2[t + 1] !== T.Plus) break;
    }
    found.push({ first, joined: joined2 });
  }
  return found;
}
function spellsAcrossLiterals(text2, image) {
  if (!CONCATENATED_PATHS.some((path) => text2.includes(path))) return false;
  const tokens = tryTokenize(text2);
  return tokens !== void 0 && joinedLiterals(tokens).some(({ joined: joined2 }) => tryParseImageRef(joined2.replace(/:$/, ""))?.repository === image.repository);
}
function registryTail(image) {
  return `/${image.repository.slice(image.repository.lastIndexOf("/") + 1)}:`;
}
function kclScreen(images) {
  return wordScreen([MARKER_KEY, ...CONCATENATED_PATHS, ...images.flatMap(kclScreenTokens)]);
}
function kclScreenTokens(image) {
  return [screenToken(image), registryTail(image)];
}
function mayBuildOnRegistry(text2, image) {
  const cut = image.name.lastIndexOf("/");
  return cut > 0 && text2.includes(registryTail(image)) && text2.includes(`"${image.name.slice(0, cut)}"`);
}
function editKcl(text2, request, overridden = {}) {
  return publicResult(editCheckedKcl(text2, fullEditRequest(request), overridden));
}
function editCheckedKcl(text2, request, overridden = {}) {
  if (!kclScreen(request.images.map((u) => u.image))(text2)) return { text: text2, changes: [], warnings: [] };
  const module = parseKcl(text2);
  const editor = new ImageEditor(module.tokens, request, overridden, literalTypes(module), module.statements);
  editor.markLiterals();
  for (const statement of module.statements) {
    if (statement.type === "assign") {
      if (!editor.literalTyped.has(statement)) editor.walk(statement.value, { parent: void 0, target: statement.targets[0] });
    } else if (statement.type === "aug-assign" || statement.type === "unification")
      editor.walk(statement.value, { parent: void 0, target: statement.target });
  }
  editor.marked.writeAll();
  editor.warnUnreached();
  editor.warnRegistryBuilt();
  const edits = editor.edits.sort((a, b) => byPosition(a.splice, b.splice));
  return {
    text: applySplices(
      text2,
      edits.map((e) => e.splice)
    ),
    changes: edits.map((e) => e.change),
    // Two strings of one line may be told alike (a schema attribute's literal type and its default): said once.
    warnings: editor.warnings.sort((a, b) => a.line - b.line).filter((w, i, all) => i === 0 || w.line !== all[i - 1].line || w.message !== all[i - 1].message)
  };
}

// src/kcl/spec-image.ts
function nextSpecImage(setting, incoming, warn2, stays) {
  const { text: text2, value } = setting;
  const notEdited2 = (form, advice, kcl = false) => {
    const stale = kcl ? kclWouldEdit(text2, incoming) && staleImageIn(text2, incoming, true) : staleImageIn(text2, incoming);
    if (!stale) return void 0;
    const found = formatImageRef(stale);
    const reference = stale.tag === void 0 && stale.digest === void 0 ? `${found}:<tag>` : found;
    warn2(`holds ${found} in ${form}, which is not edited, ${stays}; ${advice(reference)}`);
    return void 0;
  };
  if ("form" in value) return notEdited2(value.form, value.advice, value.kcl);
  const ref = tryParseImageRef(value.string);
  const update = ref && incoming.get(ref.repository);
  if (!ref || !update) return value.whole === void 0 ? void 0 : notEdited2(value.whole, value.advice);
  if (ref.tag === void 0 && ref.digest === void 0) {
    warn2(bareRepositoryWarning(ref.repository));
    return void 0;
  }
  const next = nextReference(update, ref, warn2);
  return next === void 0 ? void 0 : { value, name: ref.name, next };
}
function kclWouldEdit(expression, incoming) {
  try {
    const { changes, warnings } = editCheckedKcl(`value = ${expression}
`, { images: [...incoming.values()], setters: /* @__PURE__ */ new Map() });
    return changes.length > 0 || warnings.length > 0;
  } catch (error) {
    if (error instanceof SourceError) return true;
    throw error;
  }
}

// src/yaml/kcl-settings.ts
function settingItems(document) {
  const items = [];
  for (const { path, holds: holds2 } of settingLists(document)) {
    const list = nodeAt(document.root, path);
    if (list?.kind !== "seq") continue;
    const read = holds2 === "spec" ? readSpec : readArgument;
    list.items.forEach((node2, index2) => {
      if (node2.kind === "scalar") items.push({ node: node2, path: [...path, index2], inFlow: list.flow, holds: holds2, read });
    });
  }
  return items;
}
function isKclRun(document) {
  const { apiVersion, kind: kind2 } = document.object;
  return kind2 === "KCLRun" && inGroup(apiVersion, KCL_RUN);
}
function settingLists(document) {
  if (isKclRun(document)) {
    return [
      { path: ["spec", "config", "overrides"], holds: "spec" },
      { path: ["spec", "config", "arguments"], holds: "argument" }
    ];
  }
  return isSettingsFile(document) ? [{ path: ["kcl_cli_configs", "overrides"], holds: "spec" }] : [];
}
function optionValues(document) {
  const options = isSettingsFile(document) ? nodeAt(document.root, ["kcl_options"]) : void 0;
  if (options?.kind !== "seq") return [];
  return options.items.flatMap((option, index2) => {
    const node2 = option.kind === "map" ? mapValue(option, "value") : void 0;
    return node2 === void 0 ? [] : [{ node: node2, path: ["kcl_options", index2, "value"], inFlow: options.flow || option.kind === "map" && option.flow }];
  });
}
function isSettingsFile(document) {
  const { apiVersion, kind: kind2 } = document.object;
  return apiVersion === void 0 && kind2 === void 0 && nodeAt(document.root, ["kcl_cli_configs"])?.kind === "map";
}
var SPEC_STAYS = "so the image this spec pins stays as it is";
var ARGUMENT_STAYS = "so the image this option passes stays as it is";
function readSpec(text2) {
  const spec = specSetting(text2);
  return spec && { name: spec.path, stays: SPEC_STAYS, text: spec.text, value: spec.value };
}
function readArgument(text2) {
  const eq = text2.indexOf("=");
  if (eq <= 0) return void 0;
  const raw = text2.slice(eq + 1);
  const setting = { name: text2.slice(0, eq), stays: ARGUMENT_STAYS, text: raw };
  const json = decodeJson(raw);
  if (!json) {
    const whole = "raw text that is not JSON (option() returns it as written)";
    const advice = (reference) => `pass the reference alone, bare or as a JSON string: ${setting.name}=${reference} or ${setting.name}=${JSON.stringify(reference)}`;
    return { ...setting, value: { string: raw, start: eq + 1, end: text2.length, write: (string2) => string2, whole, advice } };
  }
  if (typeof json.value !== "string") {
    const advice = (reference) => `pass the image in an argument of its own whose value is the reference (<name>=${reference})`;
    return { ...setting, value: { form: "a JSON value that is no string", advice } };
  }
  const start = eq + 1 + raw.length - raw.trimStart().length;
  return { ...setting, value: { string: json.value, start, end: eq + 1 + raw.trimEnd().length, write: (string2) => JSON.stringify(string2) } };
}
function decodeJson(text2) {
  try {
    return { value: JSON.parse(text2) };
  } catch {
    return void 0;
  }
}
function settingKey(item, setting) {
  return `${formatPath(item.path)}: ${setting.name}`;
}
function writableItem(plan, item) {
  const { node: node2, inFlow } = item;
  const source = plan.file.text.slice(node2.start, node2.end);
  const form = scalarForm(node2, source, inFlow);
  if (!isFlowScalar(node2)) return form ?? `${node2.style} string`;
  if (form === void 0) return { ...item, node: node2 };
  const escapes = node2.style === "double" && !/[\r\n]/.test(source) ? decodeDoubleQuoted(source) : void 0;
  return escapes?.text === node2.text ? { ...item, node: node2, escapes } : form;
}
var REWRITE_ADVICE = "which is not edited; write the spec as a plain or quoted one-line string";
function setInSetting(plan, item, value, string2, label, document) {
  const { node: node2 } = item;
  plan.claim(node2);
  if (string2 === value.string) return void 0;
  const text2 = `${node2.text.slice(0, value.start)}${value.write(string2)}${node2.text.slice(value.end)}`;
  const again = item.read(text2)?.value;
  if (!again || !("string" in again) || again.string !== string2) return text2;
  const splice = item.escapes ? escapedSplice(node2, item.escapes, text2) : scalarSplice(plan.file, node2, text2, item.inFlow);
  plan.addSplice(splice, { ...label, old: value.string, new: string2, object: document.object });
  return void 0;
}
function escapedSplice(node2, escapes, text2) {
  const edit = escapedEdit(escapes, text2, (middle) => doubleQuoted(middle).slice(1, -1));
  return { start: node2.start + edit.start, end: node2.start + edit.end, insert: edit.insert };
}
function unreadWarning(string2, text2) {
  return `would not read as ${string2} once written there (${text2}); left as it is, write the value as a quoted string`;
}

// src/yaml/kcl-overrides.ts
var editKclOverrideSpecs = (file, request, plan) => {
  const incoming = byRepository(request.images);
  if (incoming.size === 0) return;
  for (const document of file.documents) {
    for (const item of settingItems(document)) {
      const setting = plan.isClaimed(item.node) ? void 0 : item.read(item.node.text);
      if (setting) editSetting(item, setting, document, incoming, plan);
    }
    for (const field2 of optionValues(document)) setImageScalar(field2, "override", false, incoming, plan, document);
  }
};
function editSetting(item, setting, document, incoming, plan) {
  const key = settingKey(item, setting);
  const warn2 = (message, kind2) => plan.warn(item.node.start, `${key} ${message}`, kind2);
  const image = nextSpecImage(setting, incoming, warn2, setting.stays);
  if (!image) return;
  const writable = writableItem(plan, item);
  if (typeof writable === "string") return warn2(`holds ${image.name} in a ${writable}, ${REWRITE_ADVICE}`);
  const unread = setInSetting(plan, writable, image.value, image.next, { kind: "override", key }, document);
  if (unread !== void 0) warn2(unreadWarning(image.next, unread));
}

// src/yaml/indentation.ts
function indentOf(line) {
  return /^ */.exec(line)[0].length;
}

// src/yaml/markers.ts
var OPENS_LINE = /^[ \t]*(?:-[ \t]+)*(?:[&!][^\s]*[ \t]+)*/;
var BLOCK_SCALAR_OPENER = /(?:^|[\s:-])[|>][1-9+-]{0,2}[ \t]*$/;
var ITEM_HEADER = /^(?:[&!][^\s]*[ \t]+)*[|>]/;
var YamlLines = class {
  constructor(text2) {
    this.text = text2;
  }
  text;
  #index;
  /**
   * The answer of a walk up from above a line, as indented as that line: the same for every line
   * of a walk that was then the least indented, so a list of marked items is read once, not once per item.
   */
  #answered = /* @__PURE__ */ new Map();
  /** Whether the text has a block scalar indicator at all: most manifests have none to read. */
  #mayHoldBlock;
  get index() {
    return this.#index ??= new LineIndex(this.text);
  }
  /**
   * A 1-based line's text from its first column (past a leading byte order mark, which is no indentation, as
   * LineIndex.columnAt counts it), without its line break; undefined outside the text.
   */
  raw(line) {
    const start = line < 1 ? void 0 : this.index.columnStart(line);
    return start === void 0 ? void 0 : this.text.slice(start, this.index.lineStart(line + 1) ?? this.text.length).replace(/\r?\n$|\r$/, "");
  }
  inBlockScalar(line) {
    this.#mayHoldBlock ??= this.text.includes("|") || this.text.includes(">");
    if (!this.#mayHoldBlock) return false;
    let least = indentOf(this.raw(line));
    const met = [line];
    let inside = false;
    for (let above = line - 1; least > 0; above--) {
      const raw = this.raw(above);
      if (raw === void 0) break;
      if (raw.trim() === "") continue;
      const indent = indentOf(raw);
      if (indent > least) continue;
      if (indent < least && this.#textReaches(above, raw, least)) {
        inside = true;
        break;
      }
      least = indent;
      const known = this.#answered.get(above);
      if (known !== void 0) {
        inside = known;
        break;
      }
      met.push(above);
    }
    for (const at of met) this.#answered.set(at, inside);
    return inside;
  }
  /** Whether `line` is a block scalar header whose text goes on as far as lines indented `least` (all of those between). */
  #textReaches(line, raw, least) {
    const code = raw.replace(/(?:^|\s)#.*$/, "");
    if (!BLOCK_SCALAR_OPENER.test(code)) return false;
    const items = /^[ \t]*(?:-[ \t]+)*/.exec(code)[0];
    const dash = items.lastIndexOf("-");
    const parent = !ITEM_HEADER.test(code.slice(items.length)) ? items.length : dash >= 0 ? dash : indentOf(code) - 1;
    let first = line + 1;
    while (this.raw(first)?.trim() === "") first++;
    const content = indentOf(this.raw(first));
    return content > parent && least >= content;
  }
};
function markerComment(text2, node2, floor = 0, inFlow = false) {
  const { start, end: valueEnd } = node2;
  const isBlock2 = node2.kind === "scalar" && (node2.style === "literal" || node2.style === "folded");
  const header = /[|>][0-9+-]*/y;
  header.lastIndex = start;
  const after = isBlock2 ? start + (header.exec(text2)?.[0].length ?? 0) : valueEnd;
  if (after > start) {
    const lineComment2 = lineCommentAt(text2, after, inFlow);
    if (lineComment2 !== void 0) return lineComment2;
  }
  return headComment(text2, start, floor);
}
function headComment(text2, start, floor) {
  const lineStart = text2.lastIndexOf("\n", start - 1) + 1;
  const before = text2.slice(lineStart, start);
  if (OPENS_LINE.exec(before)[0].length !== before.length) return void 0;
  const head = [];
  for (let end = lineStart - 1; end > 0; ) {
    const begin = text2.lastIndexOf("\n", end - 1) + 1;
    const line = text2.slice(begin, end).trim();
    if (begin < floor || !line.startsWith("#")) break;
    head.unshift(line);
    end = begin - 1;
  }
  return head.length > 0 ? head.join("\n") : void 0;
}
function emptyValueComment(text2, node2) {
  return node2.start === node2.end ? lineCommentAt(text2, node2.end) : void 0;
}
function lineCommentAt(text2, after, inFlow = false) {
  const lineEnd = text2.indexOf("\n", after);
  return (inFlow ? LINE_COMMENT_IN_FLOW : LINE_COMMENT).exec(text2.slice(after, lineEnd < 0 ? text2.length : lineEnd).trimEnd())?.[1];
}
var LINE_COMMENT = /^[ \t]*(#[^\r]*)$/;
var LINE_COMMENT_IN_FLOW = /^[ \t]*(?:,[ \t]*)?(#[^\r]*)$/;
function headMarkersIn(lines, aboveKey = false) {
  const { text: text2 } = lines;
  const found = [];
  const lineText = (line) => lines.raw(line)?.trim();
  for (let at = text2.indexOf(MARKER_TOKEN); at >= 0; at = text2.indexOf(MARKER_TOKEN, at + MARKER_TOKEN.length)) {
    const line = lines.index.lineAt(at);
    const comment = lineText(line);
    if (!comment.startsWith("#") || lineText(line - 1)?.startsWith("#") || lines.inBlockScalar(line)) continue;
    const reading = readMarker(comment);
    const marked = lineText(line + 1);
    if (!reading || !("marker" in reading) || marked === void 0) continue;
    const value = marked.slice(OPENS_LINE.exec(marked)[0].length);
    if (value === "" || /^[[{#*?]|^(?:---|\.\.\.)(?:\s|$)|\s#/.test(value)) continue;
    const key = /:(?:\s|$)/.exec(value);
    if (aboveKey ? !key || !/^[ \t]+[^\s[{]/.test(value.slice(key.index + 1)) : key) continue;
    found.push({ marker: reading.marker, line: line + 1, before: marked });
  }
  return found;
}
function yamlMarkers(text2, misplaced = false) {
  const lines = new YamlLines(text2);
  const afterValue = lineMarkers(text2).filter(({ line, before }) => /[\]}][ \t]*,?$/.test(before) === misplaced && !lines.inBlockScalar(line));
  return [...afterValue, ...headMarkersIn(lines, misplaced)].sort((a, b) => a.line - b.line);
}
var editMarkers = (file, request, plan) => {
  if (!file.text.includes(MARKER_KEY)) return;
  const marked = new MarkedFields(request);
  let floor = 0;
  const keyOf = /* @__PURE__ */ new Map();
  const registries = /* @__PURE__ */ new Map();
  file.documents.forEach((document, index2) => {
    const settings = kclSettings(document);
    forEachValue(document.root, ({ node: node2, path, inFlow }) => {
      if (node2.kind === "map") {
        for (const { key, value } of node2.pairs) if (value && key.kind === "scalar") keyOf.set(value, key);
        const { repository, registry } = splitImage(fieldsOf(file, document.root, node2, path, inFlow));
        const field3 = registry?.node;
        const read = readRegistry(file, document.root, field3);
        const text2 = isUnknownRegistry(read) ? file.text.slice(field3.start, field3.end) : read;
        if (repository?.node && text2 !== void 0 && !registries.has(repository.node))
          registries.set(repository.node, { field: formatPath(registry.path), text: text2 });
      }
      if (node2.kind !== "scalar" && node2.kind !== "alias") {
        const warning = node2.flow ? collectionMarkerWarning(file.text, node2, path, inFlow) : void 0;
        if (warning) plan.warn(node2.end - 1, warning);
        return;
      }
      const above = floor;
      floor = node2.end;
      if (plan.isClaimed(node2)) return;
      const own = markerComment(file.text, node2, above, inFlow);
      const keys = own === void 0 && node2.kind === "scalar" ? emptyValueComment(file.text, node2) : void 0;
      const comment = own ?? keys;
      if (comment === void 0) {
        const key = keyOf.get(node2);
        const warning = key && node2.start < node2.end ? keyMarkerWarning(file.text, key, above) : void 0;
        if (warning) plan.warn(key.start, warning);
        return;
      }
      const reading = readMarker(comment);
      if (reading === void 0) return;
      if ("ignored" in reading) return plan.warn(node2.start, reading.ignored);
      plan.claim(node2);
      if ("error" in reading) {
        plan.warn(node2.start, reading.error);
        return;
      }
      const { marker } = reading;
      const site = { marker, document: index2, warn: (message, kind2) => plan.warn(node2.start, message, kind2) };
      const marks = `Flux setter "${marker.setter}" marks`;
      if (node2.kind === "alias") return marked.add({ ...site, text: "", refusal: `${marks} ${aliasRefusal(file, node2)}` });
      if (keys !== void 0) return marked.add({ ...site, text: node2.text, refusal: `${marks} ${EMPTY_REFUSAL}` });
      const setting = settings.get(node2);
      if (setting === "option") return marked.add({ ...site, ...optionField(node2, inFlow, marker, plan, document) });
      if (setting) return marked.add({ ...site, ...settingField(setting, marker, plan, document) });
      if (!isFlowScalar(node2)) return marked.add({ ...site, text: node2.text, refusal: `${marks} a block scalar, which is never edited` });
      const field2 = formatPath(path);
      const misfit = misfitWarning(marker, field2, String(path.at(-1)), node2.text);
      const write = (value) => {
        plan.setScalar(node2, value, inFlow, { kind: "setter", key: marker.setter, document });
        if (misfit) site.warn(misfit(value));
        const registry = registries.get(node2);
        const joined2 = registry && registryJoinWarning(marker, field2, registry, value);
        if (joined2) site.warn(joined2);
      };
      marked.add({ ...site, text: node2.text, write });
    });
  });
  marked.writeAll();
};
function markerOf(comment) {
  const reading = comment === void 0 ? void 0 : readMarker(comment);
  return reading && "marker" in reading ? reading.marker : void 0;
}
function keyMarkerWarning(text2, key, floor) {
  const comment = headComment(text2, key.start, floor);
  const marker = markerOf(comment);
  if (!marker) return void 0;
  return oneLine(
    `Flux setter "${marker.setter}" is written above ${key.text}:, and YAML gives a comment above a key to the key, so Flux reads no marker there and the value is treated as unmarked; write ${comment} at the end of the value's line for Flux to set it`
  );
}
function collectionMarkerWarning(text2, node2, path, inFlow) {
  const marker = markerOf(lineCommentAt(text2, node2.end, inFlow));
  if (!marker) return void 0;
  const collection = path.length > 0 ? ` ${formatPath(path)}` : "";
  return `Flux setter "${marker.setter}" follows the flow collection${collection}, which marks nothing: YAML gives a comment after a collection to the collection, and Flux sets scalars only, so it reads no marker there and the values in it are treated as unmarked; write the marker after the value it sets, with the collection over several lines or in block style`;
}
var EMPTY_REFUSAL = "an empty value, which is left as it is: YAML gives a comment after an empty value to its key, so Flux reads no marker there; write a value before the marker for Flux to set it";
function aliasRefusal(file, alias) {
  const anchor = anchorOf(file, alias);
  const where2 = anchor ? ` at line ${file.lineAt(anchor.at)}` : "";
  return `an alias of &${file.text.slice(alias.start + 1, alias.end)}, which is never edited (Flux sets scalars only); mark the anchored value${where2} instead`;
}
var ONE_STRING = "a marker is set only in a value that is one string holding an image";
function kclSettings(document) {
  const settings = new Map(settingItems(document).map((item) => [item.node, item]));
  for (const { node: node2 } of optionValues(document)) if (node2) settings.set(node2, "option");
  return settings;
}
function settingField(item, marker, plan, document) {
  const { node: node2 } = item;
  const setting = item.read(node2.text);
  const marks = `Flux setter "${marker.setter}" marks ${setting ? settingKey(item, setting) : formatPath(item.path)}`;
  const left = `so the ${item.holds} is left as it is`;
  if (!setting) {
    const sets = item.holds === "spec" ? `a "path=value" or "path:value" spec does` : "a name=value argument does";
    return { text: node2.text, refusal: `${marks}, which sets no string (${sets}); it is left as it is` };
  }
  const { value } = setting;
  if ("form" in value) return { text: node2.text, refusal: `${marks}, which sets ${value.form}; ${ONE_STRING}, ${left}` };
  const part = markedPart(marker.field, value.string);
  if (typeof part === "string" && value.whole !== void 0 && !tryParseImageRef(value.string))
    return { text: node2.text, refusal: `${marks}, which sets ${value.whole}; ${ONE_STRING}, ${left}` };
  if (typeof part === "string") return { text: node2.text, refusal: `${marks}, whose value ${part}, ${left}` };
  const writable = writableItem(plan, item);
  if (typeof writable === "string") return { text: part.text, refusal: `${marks} in a ${writable}, ${REWRITE_ADVICE}` };
  return {
    text: part.text,
    write: (next) => {
      const string2 = part.with(next);
      const unread = setInSetting(plan, writable, value, string2, { kind: "setter", key: marker.setter }, document);
      if (unread !== void 0) plan.warn(node2.start, `${marks}, which ${unreadWarning(string2, unread)}`);
    }
  };
}
function optionField(node2, inFlow, marker, plan, document) {
  const part = markedPart(marker.field, node2.text);
  if (typeof part === "string")
    return { text: node2.text, refusal: `Flux setter "${marker.setter}" marks a kcl_options value that ${part}, so it is left as it is` };
  if (!isFlowScalar(node2)) return { text: part.text, refusal: `Flux setter "${marker.setter}" marks a block scalar, which is never edited` };
  return { text: part.text, write: (next) => plan.setScalar(node2, part.with(next), inFlow, { kind: "setter", key: marker.setter, document }) };
}
function markedPart(field2, string2) {
  const whole = { text: string2, with: (value) => value };
  if (field2 === "tag" && (string2 === "" || isTag(string2)) || field2 === "digest" && (string2 === "" || isDigest(string2))) return whole;
  const ref = tryParseImageRef(string2);
  if (!ref) return `${JSON.stringify(string2)} is no image reference`;
  const { name, tag, digest } = ref;
  switch (field2) {
    case "ref":
      return whole;
    case "name":
      return { text: name, with: (value) => formatImageRef({ name: value, tag, digest }) };
    case "digest":
      return { text: digest ?? "", with: (value) => formatImageRef({ name, tag, digest: value || void 0 }) };
    case "tag":
      if (digest !== void 0) return `${string2} pins a digest, which a ":tag" marker would leave on the old image (a whole-reference marker sets both)`;
      if (tag === void 0) return `${string2} has no tag for a ":tag" marker to set`;
      return { text: tag, with: (value) => formatImageRef({ name, tag: value }) };
  }
}

// src/yaml/editor.ts
var EDITORS = [
  leaveDeleted,
  editMarkers,
  editImages,
  editKustomizeImages,
  editInlinePatches,
  editKclOverrideSpecs,
  editArgoCdImages,
  editArgoCdHelm,
  editHelmValues,
  warnValuesStrings
];
function runEditors(text2, given, editors) {
  return publicResult(runChecked(text2, fullEditRequest(given), editors));
}
function runChecked(text2, request, editors) {
  const file = new YamlFile(text2);
  const plan = new EditPlan(file);
  for (const editor of editors) editor(file, request, plan);
  return plan.result();
}
function editYaml(text2, request) {
  return runEditors(text2, request, EDITORS);
}
function editCheckedYaml(text2, request) {
  return runChecked(text2, request, EDITORS);
}

// src/kcl/given-lines.ts
var GivenLines = class {
  constructor(given) {
    this.given = given;
  }
  given;
  #edits = [];
  /** Record the splices (in text order, as applySplices takes them) that made the current text from the one before. */
  edited(ordered) {
    const starts = [];
    const ends = [];
    let shift = 0;
    for (const s of ordered) {
      starts.push(s.start + shift);
      shift += s.insert.length - (s.end - s.start);
      ends.push(s.end + shift);
    }
    this.#edits.push({ splices: ordered, starts, ends });
  }
  /**
   * The given text's line of an offset of the current text. Text an edit wrote stands where it
   * was written, on the line that many line breaks of what was written there below it.
   */
  line(offset) {
    let at = offset;
    let written = 0;
    for (let e = this.#edits.length - 1; e >= 0; e--) {
      const { splices, starts, ends } = this.#edits[e];
      const before = partitionPoint(ends.length, (i) => ends[i] <= at);
      if (before < splices.length && starts[before] <= at) {
        written += lineBreaks(splices[before].insert, 0, at - starts[before]);
        at = splices[before].start;
      } else if (before > 0) at -= ends[before - 1] - splices[before - 1].end;
    }
    return this.given.line(at) + written;
  }
};

// src/text/closest.ts
function closest(typed2, names, most = 2) {
  let best;
  for (const name of names) {
    if (name === typed2) return void 0;
    const distance = editDistance(typed2, name);
    if (distance <= most && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}
function didYouMean(meant) {
  return meant === void 0 ? "" : ` (did you mean ${meant}?)`;
}
function editDistance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_2, j) => i === 0 ? j : j === 0 ? i : 0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

// src/kcl/override-reach.ts
var STARTS_LINE = /* @__PURE__ */ new Set([T.Newline, T.Indent, T.Dedent]);
var ASSIGNS = /* @__PURE__ */ new Set([T.Assign, T.Colon, T.AugAssign, T.PlusAssign]);
function configOf(expr) {
  return expr.type === "config" ? expr : expr.type === "schema" ? expr.config : void 0;
}
function namesTarget(s, name) {
  return s.type === "assign" && s.targets.includes(name) || (s.type === "aug-assign" || s.type === "unification") && s.target === name;
}
function meantTopLevel(module, name, reaches) {
  const names = module.statements.filter(reaches).flatMap((s) => s.type === "assign" ? s.targets : s.type === "aug-assign" || s.type === "unification" ? [s.target] : []);
  const meant = closest(name, names, name.length > 3 ? 2 : 1);
  return didYouMean(meant === void 0 ? void 0 : `'${meant}'`);
}
function holdsConfig(s) {
  return s.type === "assign" && configOf(s.value) !== void 0 || s.type === "unification";
}
function unreached(module, name, reaches) {
  const { tokens } = module;
  const line = (token) => tokens.source.line(tokens.start[token]);
  for (const s of module.statements) {
    if (namesTarget(s, name) && !reaches(s)) {
      if (s.type === "assign")
        return { message: `'${name}' is assigned ${describeExpr(tokens, s.value)}, not a config or schema literal`, line: line(s.first) };
      if (s.type === "aug-assign") return { message: `'${name}' is only augmented here ('${name} ${s.operator} ...'), not assigned`, line: line(s.first) };
    }
    const inIf = assignedInIf(tokens, s, name);
    if (inIf !== void 0) return { message: `'${name}' is assigned inside an 'if' block, which overrides do not reach`, line: line(inIf) };
  }
  return void 0;
}
var DEFINES = {
  schema: "a schema",
  rule: "a rule",
  protocol: "a protocol",
  mixin: "a mixin",
  "type alias": "a type alias"
};
function definition(module, name) {
  const { tokens } = module;
  const text2 = (token) => tokens.source.text.slice(tokens.start[token], tokens.end[token]).replace(/^\$/, "");
  const line = (token) => tokens.source.line(tokens.start[token]);
  for (const s of module.statements) {
    if (s.type === "import") {
      const names = [];
      for (let i = s.first + 1; i <= s.last; i++) if (tokens.kind[i] === T.Name) names.push(i);
      const as = names.find((i) => keywordAt(tokens, i) === Keyword.As);
      const alias = as === void 0 ? names[names.length - 1] : as + 1;
      if (alias === void 0 || text2(alias) !== name) continue;
      const written = tokens.source.text.slice(tokens.start[s.first], tokens.end[s.last]).trimEnd();
      return {
        message: `'${name}' is an import alias ('${written}'), not a variable: -O does not reach into the imported module; set it in that module's own file`,
        line: line(s.first)
      };
    }
    const what = s.type === "other" ? DEFINES[s.construct] : void 0;
    if (what === void 0 || tokens.kind[s.first + 1] !== T.Name || text2(s.first + 1) !== name) continue;
    const schema4 = s.type === "other" && s.construct === "schema" ? ": -O targets instances, not schema defaults" : "";
    return { message: `'${name}' is ${what}, not a variable${schema4}`, line: line(s.first) };
  }
  return void 0;
}
function unreachedEntries(tokens, config, keys, where2) {
  const line = (node2) => tokens.source.line(tokens.start[node2.first]);
  const inIf = config.items.flatMap((item) => item.type === "if" ? entriesOf(item.branches.flat()) : []);
  const setting = inIf.find((entry) => keys.every((key, i) => entry.key.parts?.[i] === key));
  if (setting) return `'${keys[keys.length - 1]}' is set only in an if entry (line ${line(setting)}), which -O does not reach`;
  const unpacks = config.items.filter((item) => item.type === "unpack");
  if (unpacks.length === 0) return void 0;
  return `${where2} also unpacks ${unpacks.map((u) => `${nodeText(tokens, u)} (line ${line(u)})`).join(" and ")}, which -O does not reach`;
}
function entriesOf(items) {
  return items.flatMap((item) => item.type === "entry" ? [item] : item.type === "if" ? entriesOf(item.branches.flat()) : []);
}
function describeExpr(tokens, expr) {
  const { kind: kind2, match } = tokens;
  const text2 = (token) => tokens.source.text.slice(tokens.start[token], tokens.end[token]);
  if (expr.type === "string") return "a string";
  if (expr.type === "name") return `the name '${expr.name}'`;
  if (expr.type === "list") return "a list";
  if (expr.type === "config" || expr.type === "schema") return "a config";
  if (expr.type === "operation") {
    const [left, right] = expr.operands;
    const [from, to] = right ? [left.last + 1, right.first - 1] : [expr.first, left.first - 1];
    return `a '${Array.from({ length: to - from + 1 }, (_, i) => text2(from + i)).join(" ")}' expression`;
  }
  for (let i = expr.first; i <= expr.last; i++) {
    if (kind2[i] === T.LParen || kind2[i] === T.LBracket || kind2[i] === T.LBrace) i = match[i];
    else if (keywordAt(tokens, i) === Keyword.If) return "a conditional expression (... if ... else ...)";
  }
  if (kind2[expr.last] === T.RParen) return kind2[expr.first] === T.LParen && match[expr.first] === expr.last ? "a parenthesized expression" : "a call";
  if (keywordAt(tokens, expr.first) === Keyword.Lambda) return "a lambda";
  if (kind2[expr.first] === T.LBracket || kind2[expr.first] === T.LBrace) return "a comprehension";
  if (expr.first === expr.last) return kind2[expr.first] === T.Number ? "a number" : text2(expr.first);
  return "an expression";
}
function assignedInIf(tokens, s, name) {
  const opens = keywordAt(tokens, s.first);
  if (s.type !== "other" || opens !== Keyword.If && opens !== Keyword.Elif && opens !== Keyword.Else) return void 0;
  const { kind: kind2, match } = tokens;
  let header;
  for (let i = s.first + 1; i < s.last; i++) {
    const k = kind2[i];
    if (k === T.LParen || k === T.LBracket || k === T.LBrace) i = match[i];
    else if (k === T.Colon && header === void 0) header = i;
    else if (k === T.Name && (STARTS_LINE.has(kind2[i - 1]) || i - 1 === header) && ASSIGNS.has(kind2[i + 1])) {
      if (tokens.source.text.slice(tokens.start[i], tokens.end[i]).replace(/^\$/, "") === name) return i;
    }
  }
  return void 0;
}

// src/text/line-shift.ts
function shiftLines(changes, before, after) {
  if (changes.length === 0 || before === after) return [...changes];
  let prefix = 0;
  const shortest = Math.min(before.length, after.length);
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const oldEnd = before.length - suffix;
  const lines = { before: new LineIndex(before), after: new LineIndex(after) };
  const inPlace = lineBreaks(before, prefix, oldEnd) === lineBreaks(after, prefix, after.length - suffix);
  return changes.map((change) => {
    if (change.line === void 0) return change;
    const start = lines.before.lineStart(change.line);
    if (start === void 0 || start < prefix || inPlace && start < oldEnd) return change;
    const moved = start >= oldEnd ? start + after.length - before.length : prefix;
    const line = lines.after.lineAt(moved);
    return line === change.line ? change : { ...change, line };
  });
}
function linesMovedBy(text2, ordered) {
  const starts = ordered.map((s) => s.start);
  const ends = ordered.map((s) => s.end);
  const moved = [0];
  for (const s of ordered) moved.push(moved[moved.length - 1] + lineBreaks(s.insert) - lineBreaks(text2, s.start, s.end));
  return (offset) => moved[Math.min(countBelow(starts, offset), countBelow(ends, offset + 1))];
}
function countBelow(sorted, limit) {
  return partitionPoint(sorted.length, (i) => sorted[i] < limit);
}

// src/kcl/number-read.ts
var UNITS = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
  Pi: 1024 ** 5
};
function kclNumberRead(text2) {
  const int3 = /^(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][0-9_]*)([numkKMGTP]|[KMGTP]i)?$/.exec(text2);
  if (int3) {
    const digits = int3[1].replaceAll("_", "");
    const value = BigInt(/^0[0-7]/.test(digits) ? `0o${digits.slice(1)}` : digits);
    if (value > 2n ** 63n - 1n) return void 0;
    return int3[2] === void 0 ? String(value) : f64Text(Number(value) * UNITS[int3[2]]);
  }
  const float3 = /^[0-9]+(?:\.[0-9]*(?:[eE][-+]?[0-9]+)?|[eE][-+]?[0-9]+)$/.test(text2) ? Number(text2) : NaN;
  return Number.isFinite(float3) ? f64Text(float3) : void 0;
}
function f64Text(value) {
  const [mantissa, exponent] = value.toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const point = Number(exponent) + 1;
  if (point >= digits.length && point <= 16) return `${digits.padEnd(point, "0")}.0`;
  if (point > 0 && point <= 16) return `${digits.slice(0, point)}.${digits.slice(point)}`;
  if (point > -5 && point <= 0) return `0.${"0".repeat(-point)}${digits}`;
  return `${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ""}e${point - 1}`;
}

// src/kcl/override.ts
var COMPUTED_REGISTRY = { unknown: "which KCL computes" };
var COMPOSITE = { config: "a config", schema: "a schema instance", list: "a list" };
function valueFrom(tokens, expr, lines) {
  const string2 = plainString2(tokens, expr);
  const indented = (indent) => textOf(tokens, expr, lines, indent);
  return { tokens, expr, text: indented(""), indented, ...string2 !== void 0 && { string: string2 } };
}
function textOf(tokens, node2, lines, indent) {
  const source = tokens.source;
  const start = tokens.start[node2.first];
  const own = /^[ \t]*/.exec(source.text.slice(source.lineStart(start), start))[0];
  const open = [];
  let written = "";
  let next = node2.first;
  return source.text.slice(start, tokens.end[node2.last]).replace(/(\r?\n)([ \t]*)/g, (line, _, lead, offset, text2) => {
    const at = start + offset;
    for (; next <= node2.last && tokens.start[next] < at; next++) {
      const k = tokens.kind[next];
      if (k === T.LParen || k === T.LBracket || k === T.LBrace) open.push({ indent: written });
      else if (k === T.RParen || k === T.RBracket || k === T.RBrace) open.pop();
    }
    if (next > node2.first && tokens.end[next - 1] > at) return line;
    const first = text2.charCodeAt(offset + line.length);
    if (Number.isNaN(first) || first === 10 || first === 13) return lines.eol;
    const inside = open.at(-1);
    if (inside === void 0) written = beyond(lead, own);
    else if (CLOSERS2.has(first)) written = inside.indent;
    else written = inside.indent + lines.unit + beyond(lead, inside.lead ??= lead);
    return lines.eol + indent + written;
  });
}
function beyond(lead, base) {
  return lead.startsWith(base) ? lead.slice(base.length) : "";
}
function indentUnit(tokens) {
  const { kind: kind2, source } = tokens;
  const leadOf = (at) => /^[ \t]*/.exec(source.text.slice(source.lineStart(at), at))[0];
  for (let i = 1; i < tokens.count; i++) {
    if (!STARTS_LINE.has(kind2[i - 1]) || STARTS_LINE.has(kind2[i]) || kind2[i] === T.EOF) continue;
    let opener = i - 1;
    while (opener >= 0 && STARTS_LINE.has(kind2[opener])) opener--;
    if (opener < 0 || !OPENS_LEVEL.has(kind2[opener])) continue;
    const unit = beyond(leadOf(tokens.start[i]), leadOf(tokens.start[opener]));
    if (unit.includes("	")) return "	";
    if (unit.length > 0) return unit;
  }
  return "    ";
}
var OPENS_LEVEL = /* @__PURE__ */ new Set([T.LBrace, T.LBracket, T.LParen, T.Colon]);
function readValue(spec, raw, lines, fieldName) {
  const read = usableSpecValue(spec, raw, fieldName);
  if (read.kind === "whole-text") {
    const text2 = writeStringLiteral(spec.value, { quote: '"', triple: false, prefix: "" });
    return { tokens: read.tokens, expr: read.expr, text: text2, string: spec.value, wholeText: true, indented: () => text2 };
  }
  return valueFrom(read.tokens, read.expr, lines);
}
function literalKind(tokens, expr) {
  if (expr.type === "string") return "string";
  if (expr.type === "name") return "name";
  if (expr.type !== "other") return void 0;
  if (expr.construct === "number") return "number";
  if (expr.construct !== "constant") return void 0;
  const word = nodeText(tokens, expr);
  return word === "True" || word === "False" ? "boolean" : void 0;
}
function laidOut(start, end, items, layout) {
  let insert = "";
  const starts = [];
  items.forEach((item, i) => {
    insert += i === 0 ? layout.first : layout.lead;
    starts.push(insert.length);
    insert += item;
  });
  return { start, end, insert: insert + layout.tail, starts };
}
function sameTokens(a, aNode, b, bNode) {
  const skip = (t, i2) => STARTS_LINE.has(t.kind[i2]);
  let i = aNode.first;
  let j = bNode.first;
  while (true) {
    while (i <= aNode.last && skip(a, i)) i++;
    while (j <= bNode.last && skip(b, j)) j++;
    if (i > aNode.last || j > bNode.last) return i > aNode.last && j > bNode.last;
    if (a.kind[i] !== b.kind[j]) return false;
    const at = a.source.text.slice(a.start[i], a.end[i]);
    const bt = b.source.text.slice(b.start[j], b.end[j]);
    if (a.kind[i] === T.String) {
      const interpolated = StringFlag.Interpolated | StringFlag.Raw;
      if ((a.flags[i] & interpolated) !== (b.flags[j] & interpolated) || stringLiteralValue(at) !== stringLiteralValue(bt)) return false;
    } else if (at !== bt) return false;
    i++;
    j++;
  }
}
var Planner = class {
  constructor(module, run, spec, computed, later, setsToo, fieldName) {
    this.module = module;
    this.run = run;
    this.spec = spec;
    this.computed = computed;
    this.later = later;
    this.setsToo = setsToo;
    this.fieldName = fieldName;
    this.tokens = module.tokens;
    this.text = this.tokens.source.text;
    this.eol = this.tokens.source.lineEnding();
    this.lines = { eol: this.eol, unit: indentUnit(this.tokens) };
  }
  module;
  run;
  spec;
  computed;
  later;
  setsToo;
  fieldName;
  plan = { splices: [], changes: [], warnings: [] };
  /** Entries to add to each config (insert), with the index of each one's change. */
  pending = /* @__PURE__ */ new Map();
  /** The text of each statement or entry to remove, written as splices by writeRemovals. */
  removals = [];
  /** Where each change and warning is in this text (an offset on its line), so that `placed` can move it past the spec's other splices. */
  at = /* @__PURE__ */ new Map();
  tokens;
  text;
  eol;
  lines;
  /** The file's top-level string assignments (assignedStrings), read when a stale digest's advice first asks. */
  #assigned;
  /** The value to write: the spec's, or the computed one for a missing field (undefined: nothing to write). */
  value(raw) {
    return this.computed ? this.stringValue(this.computed(void 0)) : readValue(this.spec, raw, this.lines, this.fieldName);
  }
  stringValue(string2) {
    if (string2 === void 0) return void 0;
    const parsed = parseKclExpression(writeStringLiteral(string2, { quote: '"', triple: false, prefix: "" }));
    return valueFrom(parsed.tokens, parsed.expr, this.lines);
  }
  line(token) {
    return this.tokens.source.line(this.tokens.start[token]);
  }
  change(token, old, next, key) {
    const change = { line: this.line(token), kind: "override", key, old, new: next };
    this.plan.changes.push(change);
    this.at.set(change, this.tokens.start[token]);
    return change;
  }
  warn(token, message, kind2) {
    this.say(token, { message, ...kind2 && { kind: kind2 } });
  }
  /** `warning` said at a token's line. */
  say(token, warning) {
    const placed = { line: this.line(token), ...warning };
    this.plan.warnings.push(placed);
    this.at.set(placed, this.tokens.start[token]);
  }
  /**
   * Changes or warnings at the lines they are on once all of the spec's splices are made: one
   * merge can add lines to a nested config and then a key below it (`{web: {b = 2}, c = 3}`),
   * and each line was read before any of them. A splice moves what is after it, not what is in it
   * or what it adds (whose line is its own start's, plus the line breaks it writes before it).
   */
  placed(items, movedAt) {
    return items.map((item) => {
      const at = this.at.get(item);
      if (at === void 0 || item.line === void 0) return item;
      const moved = movedAt(at);
      return moved === 0 ? item : { ...item, line: item.line + moved };
    });
  }
  describe(expr) {
    return plainString2(this.tokens, expr) ?? nodeText(this.tokens, expr);
  }
  /** `=`: splice the new value over the old one; a string keeps the old literal's style. `key` is the path reported. */
  replace(old, given, key = this.spec.path) {
    if (this.computed) this.refuseComposite(old);
    const oldString = plainString2(this.tokens, old);
    const value = this.computed ? this.stringValue(this.computed(oldString, (why, kind3) => this.say(old.first, versionNoteWarning(this.spec.path, why, kind3)))) : given;
    if (!value) return;
    let text2 = value.indented(this.indentOf(old.first));
    if (oldString !== void 0 && value.string !== void 0) {
      if (oldString === value.string) return;
      text2 = writeStringLiteral(value.string, readStringLiteral(nodeText(this.tokens, old)).style);
    } else if (sameTokens(this.tokens, old, value.tokens, value.expr)) return;
    this.plan.splices.push({ start: this.tokens.start[old.first], end: this.tokens.end[old.last], insert: text2 });
    const kind2 = value.string === void 0 ? literalKind(value.tokens, value.expr) : "string";
    const retyped = this.computed === void 0 && literalKind(this.tokens, old) !== kind2;
    const change = retyped ? this.change(old.first, nodeText(this.tokens, old), text2, key) : this.change(old.first, this.describe(old), value.string ?? value.text, key);
    if (!this.computed) this.warnRetyped(old, value, key, change);
  }
  /**
   * A spec's value of another kind than the literal it replaces (`replicas = 3` set to "5", an
   * image set to an unquoted name) is written as KCL reads it, but the change reads alike
   * either way (`3 -> 5`): said, so that a lost quote or a stray one is seen. A literal over a
   * name is said too: the field stops following what the name holds.
   */
  warnRetyped(old, value, key, change) {
    if (value.wholeText) return this.warnWholeText(change, value, key, old);
    const was = literalKind(this.tokens, old);
    const now = literalKind(value.tokens, value.expr);
    if (was === void 0 || now === void 0 || now === was) return;
    const written = nodeText(value.tokens, value.expr);
    if (was === "name") {
      const name = nodeText(this.tokens, old);
      return this.warn(
        old.first,
        `${key}: ${name} (a name) becomes the ${now} ${written}, so it no longer follows ${name}; to move everything that does, set ${name} instead`
      );
    }
    const quote2 = `for the string, quote it: ${key}="${written}"${shellQuoting(this.fieldName)}`;
    const read = now === "number" && was === "string" ? kclNumberRead(written) : void 0;
    const becomes = now === "name" ? `the name ${written}, which KCL reads as a variable; ${quote2}` : now === "number" && was === "string" ? `the number ${written}${read === void 0 || read === written ? "" : `, which KCL reads as ${read}`}; ${quote2}` : `the ${now} ${written}`;
    this.warn(old.first, `${key}: ${nodeText(this.tokens, old)} (a ${was}) becomes ${becomes}`);
  }
  /**
   * An operation is written as KCL -O writes it, as the string of its whole text
   * (`"repo:" + _tag` -> `"\"repo:\" + _tag"`), which a user who meant the operation does not
   * expect: said when the text holds a quoted string, or when it replaces a number or boolean
   * (`count=-1`), with the way to write the operation itself. An unquoted reference
   * (`kcllang/flask_demo:abc`) over a string is what the rule is for: nothing to say.
   */
  warnWholeText(change, value, key, old) {
    const was = old && literalKind(this.tokens, old);
    const quoted3 = value.tokens.kind.subarray(value.expr.first, value.expr.last + 1).includes(T.String);
    if (!quoted3 && was !== "number" && was !== "boolean") return;
    const given = value.string;
    const from = old && was !== void 0 ? `${key}: ${nodeText(this.tokens, old)} (a ${was})` : key;
    const warning = {
      line: change.line,
      message: `${from} becomes the string ${value.text}, as KCL -O writes an operation (the string of its whole text); for the operation itself, put it in parentheses: ${key}=(${given})${shellQuoting(this.fieldName)}`
    };
    this.plan.warnings.push(warning);
    const at = this.at.get(change);
    if (at !== void 0) this.at.set(warning, at);
  }
  /**
   * A computed value is an image or its tag: written over a config, schema instance or list it
   * would drop the rest (`image = {repository = ..., tag = ...}` -> `image = "1.2.4"`). Refused
   * as the YAML editor refuses a mapping or list; an expression that computes a string is set.
   */
  refuseComposite(old) {
    const what = COMPOSITE[old.type];
    if (what === void 0) return;
    const inside = old.type === "list" ? "" : "; name the entry inside it that holds the image (or, with part: tag, the tag)";
    throw new SourceError(`${this.spec.path}: the value is ${what}, not a string that can be set${inside}`, this.line(old.first));
  }
  /** `:`: merge a config into a config/schema, or a same-name schema; anything else replaces. */
  union(old, value, key = this.spec.path) {
    const target = configOf(old);
    if (value.expr.type === "config" || value.expr.type === "schema") {
      const sameSchema = value.expr.type === "config" || old.type === "schema" && old.name === value.expr.name;
      if (target && sameSchema) return this.merge(target, configOf(value.expr), value.tokens, key);
      if (value.expr.type === "config") return this.warn(old.first, `${key} is not a config or schema literal; ':' has nothing to merge into`);
    }
    this.replace(old, value, key);
  }
  /** Each entry set or added is reported under its own path below `key`, with its value. */
  merge(target, incoming, tokens, key) {
    for (const item of incoming.items) {
      const parts = item.type === "entry" ? item.key.parts : void 0;
      if (item.type !== "entry" || !parts) {
        this.insert(target, (indent) => textOf(tokens, item, this.lines, indent), textOf(tokens, item, this.lines, ""), key);
        continue;
      }
      const path = formatOverridePath(parts, key);
      const value = valueFrom(tokens, item.value, this.lines);
      const matches = this.entries(target).filter((e) => e.key.parts?.join("\0") === parts.join("\0"));
      if (matches.length === 0) this.insert(target, (indent) => keyText(parts, item.operator, value.indented(indent)), value.string ?? value.text, path);
      for (const m of matches) this.union(m.value, value, path);
    }
  }
  /**
   * `+=`: append list items, only when both sides are list literals (as KCL does); the change
   * holds the list written. Unlike `kcl -O`, which appends every time, an item the list already
   * holds (the same tokens, whatever the layout) is not appended again, so that a second run
   * of the same request changes nothing.
   */
  append(old, value) {
    if (old.type !== "list" || value.expr.type !== "list") {
      return this.warn(old.first, `${this.spec.path}+= needs a list literal on both sides; nothing appended`);
    }
    const added = [];
    for (const item of value.expr.items) {
      const held = old.items.some((o) => sameTokens(this.tokens, o, value.tokens, item)) || added.some((a) => sameTokens(value.tokens, a, value.tokens, item));
      if (!held) added.push(item);
    }
    if (added.length === 0) return;
    const items = (indent) => added.map((item) => textOf(value.tokens, item, this.lines, indent));
    const splice = this.afterLast(old, items, { indent: this.indentOf(old.first), first: "", lead: ", ", tail: "" }, (last) => this.indentOf(last.first));
    this.plan.splices.push(splice);
    const [start, end] = [this.tokens.start[old.first], this.tokens.end[old.last]];
    const written = this.text.slice(start, splice.start) + splice.insert + this.text.slice(splice.end, end);
    this.change(old.first, nodeText(this.tokens, old), written, this.spec.path);
  }
  /**
   * The splice that adds `items` after the last item of a config or list: between empty
   * brackets as `empty` lays them out on lines of its `indent` (or before the closing bracket's
   * line when comments are inside), `, item` after the last item when the brackets share a
   * line, else one item per line after the last one's line, indented as `indent(last)` says
   * (and ending in a comma when the last one does).
   * `items(indent)` are the items to stand on a line with that indentation.
   */
  afterLast(node2, items, empty, indent) {
    const source = this.tokens.source;
    const open = this.tokens.start[node2.first];
    const close = this.tokens.start[node2.last];
    const last = node2.items[node2.items.length - 1];
    if (!last) return this.beforeClose(node2, items) ?? laidOut(open + 1, close, items(empty.indent), empty);
    const end = this.tokens.end[last.last];
    if (source.line(open) === source.line(close)) return laidOut(end, end, items(this.indentOf(last.first)), { first: ", ", lead: ", ", tail: "" });
    const at = Math.min(source.lineEnd(end), close);
    const lead = indent(last);
    const comma = this.tokens.kind[last.last + 1] === T.Comma ? "," : "";
    const added = items(lead).map((item) => item + comma);
    return laidOut(at, at, added, { first: `${this.eol}${lead}`, lead: `${this.eol}${lead}`, tail: "" });
  }
  /**
   * The first lines of an empty config or list whose brackets hold comments: each on a line of
   * its own just before the closing bracket's line, indented as the last comment (one level in
   * from the opening line when that comment is on it), so that the comments stay. undefined
   * when there is only whitespace inside.
   */
  beforeClose(node2, lines) {
    const close = this.tokens.start[node2.last];
    const inside = this.text.slice(this.tokens.start[node2.first] + 1, close).trimEnd();
    if (inside.trim() === "") return void 0;
    const lastLine = /[^\r\n]*$/.exec(inside)[0];
    const indent = lastLine.length < inside.length ? /^[ \t]*/.exec(lastLine)[0] : `${this.indentOf(node2.first)}${this.lines.unit}`;
    const at = this.tokens.source.lineStart(close);
    return laidOut(at, at, lines(indent), { first: indent, lead: `${this.eol}${indent}`, tail: this.eol });
  }
  /** Leading whitespace of the line a token is on. */
  indentOf(token) {
    const start = this.tokens.source.lineStart(this.tokens.start[token]);
    return /^[ \t]*/.exec(this.text.slice(start, this.tokens.start[token]))[0];
  }
  /**
   * Add `entry` (as it stands on a line of that indentation) as the last entry of `config`; the
   * change is reported on the entry's line, holding `value`. The entries added to one config are
   * written as one insertion when the spec is planned (insertEntries), in the order given.
   */
  insert(config, entry, value, key = this.spec.path) {
    const added = this.pending.get(config) ?? [];
    this.pending.set(config, added);
    added.push({ entry, change: this.plan.changes.length });
    this.plan.changes.push({ line: 0, kind: "override", key, old: "", new: value, op: "create" });
  }
  /**
   * Write the entries each config is to get, in one splice per config: on new lines with the
   * indentation of its last entry's line (nested under the opening line when that is the last
   * entry's line), or between its brackets when it is empty. Each change gets the line its entry starts on.
   */
  insertEntries() {
    const source = this.tokens.source;
    for (const [config, added] of this.pending) {
      const openIndent = this.indentOf(config.first);
      const nested = `${openIndent}${this.lines.unit}`;
      const openLine = source.line(this.tokens.start[config.first]);
      const splice = this.afterLast(
        config,
        (indent) => added.map(({ entry }) => entry(indent)),
        { indent: nested, first: `${this.eol}${nested}`, lead: `${this.eol}${nested}`, tail: `${this.eol}${openIndent}` },
        (last) => source.line(this.tokens.start[last.first]) === openLine ? nested : this.indentOf(last.first)
      );
      this.plan.splices.push(splice);
      const line = this.tokens.source.line(splice.start);
      added.forEach(({ change }, i) => {
        const placed = { ...this.plan.changes[change], line: line + lineBreaks(splice.insert, 0, splice.starts[i]) };
        this.plan.changes[change] = placed;
        this.at.set(placed, splice.start);
      });
    }
    this.pending.clear();
  }
  /**
   * Remove a statement or entry with the separator that was its own: its whole line(s) when it
   * is alone on them, and the blank lines above when it was the last before a blank line, the
   * file's end or a closing bracket (two blank lines would be left: `A\n\nB\n` -> `A\n`); the
   * line break before it when a closing bracket follows it on its line (`a = 1\n    b = 2}` ->
   * `a = 1}`); on a line it shares, the comma before it (`{y = 2, x = 1,}` -> `{y = 2,}`), or
   * after it when it is first, and a statement's `;` alike (`a = 1; b = 2` -> `b = 2`); several on
   * one line, as one run (writeRemovals). The change holds the value removed and no new one (op
   * `delete`), as a create has no old, on the line it stood on in the text given to the run: it has
   * none in the output, where every entry of a run would be at the run's first line, and one spec's
   * removals would move another's.
   */
  remove(node2, value, key = this.spec.path) {
    const start = this.tokens.start[node2.first];
    this.removals.push({ start, end: this.tokens.end[node2.last] });
    const change = { line: this.run.given.line(start), kind: "override", key, old: this.describe(value), new: "", op: "delete" };
    this.plan.changes.push(change);
    this.run.removed.add(change);
  }
  /**
   * The removals planned, as splices made in text order. Duplicate keys on one line
   * (`{a = 1, a = 2}`) would each take the comma between them: removals whose splices overlap
   * go as one run, with the separator that run owns. Only the run before can overlap the next:
   * a removal reaches back past its text over blanks, line breaks or a comma alone.
   */
  writeRemovals() {
    const written = [];
    for (const next of this.removals.sort((a, b) => a.start - b.start)) {
      let run = next;
      let splice = this.removal(run);
      for (let last = written.at(-1); last && last.splice.start < splice.end && splice.start < last.splice.end; last = written.at(-1)) {
        written.pop();
        run = { start: Math.min(run.start, last.run.start), end: Math.max(run.end, last.run.end) };
        splice = this.removal(run);
      }
      written.push({ run, splice });
    }
    for (const { splice } of written) this.plan.splices.push(splice);
    this.removals.length = 0;
  }
  /**
   * The splice removing the text [start, end) of statements or entries with their separator (see
   * remove). It reads outwards from that text, never a whole line: each of many entries on one
   * line would read the line again.
   */
  removal(node2) {
    const source = this.tokens.source;
    const text2 = this.text;
    let { start, end } = node2;
    const first = sourceStart(text2);
    const lineStart = source.lineStart(start);
    const blankStart = blanksBefore(text2, start);
    const blankEnd = blanksFrom(text2, end);
    const separatorAfter = SEPARATORS.has(text2.charCodeAt(blankEnd));
    const rest = separatorAfter ? blanksFrom(text2, blankEnd + 1) : blankEnd;
    const joined2 = blankStart === lineStart && CLOSERS2.has(text2.charCodeAt(rest)) ? this.endBefore(lineStart, start, first) : void 0;
    if (blankStart === lineStart && (endsLine(text2, rest) || text2.charCodeAt(rest) === HASH2)) {
      start = lineStart;
      end = source.nextLineStart(end);
      const next = blanksFrom(text2, end);
      if (endsLine(text2, next) || CLOSERS2.has(text2.charCodeAt(next))) {
        while (start > first) {
          const above = source.lineStart(start - 1);
          if (!endsLine(text2, blanksFrom(text2, above))) break;
          start = above;
        }
      }
    } else if (joined2 !== void 0) [start, end] = [joined2, rest];
    else if (SEPARATORS.has(text2.charCodeAt(blankStart - 1))) start = blankStart - 1;
    else if (separatorAfter) end = rest;
    return { start, end, insert: "" };
  }
  /**
   * For an entry at `start`, first on its line with a closing bracket after it (`    b = 2}`): the
   * end of what is before it, for the bracket to follow as if the entry were never written.
   * undefined when a comment or a `\` ends that line, which the bracket would join, or when that
   * line is indented deeper (an `if` entry's body, which KCL's lexer ends with a dedent).
   */
  endBefore(lineStart, start, first) {
    const text2 = this.text;
    let before = lineStart;
    while (before > first && /[ \t\r\n]/.test(text2[before - 1])) before--;
    const { end, kind: kind2, count } = this.tokens;
    const i = partitionPoint(count, (k) => end[k] < before);
    if (i >= count || end[i] !== before || STARTS_LINE.has(kind2[i])) return void 0;
    const above = this.tokens.source.lineStart(before);
    return blanksFrom(text2, above) - above <= start - lineStart ? before : void 0;
  }
  entries(config) {
    return config.items.filter((i) => i.type === "entry");
  }
  /**
   * `tag` of a split image (split-image.ts) in `config` set to `value` alone: the digest beside it,
   * unless the run sets that too, still pins the build of the tag it replaced, which then runs.
   */
  warnStaleDigest(config, tag, value) {
    const written = this.computed ? this.computed(plainString2(this.tokens, tag.value)) : value.string;
    if (!this.setsToo || written === void 0 || tag.key.parts?.length !== 1 || plainString2(this.tokens, tag.value) === written) return;
    const field2 = (key) => this.entries(config).find((e) => e.key.parts?.length === 1 && e.key.parts[0] === key);
    const digest = digestBeside(tag.key.parts[0], field2);
    const held = digest && plainString2(this.tokens, digest.value);
    if (!digest || !held) return;
    const digestKey = formatOverridePath([...this.spec.parts.slice(0, -1), "digest"]);
    if (this.setsToo(digestKey)) return;
    const { registry, repository } = splitImage(field2);
    const later = (key) => this.later(formatOverridePath([...this.spec.parts.slice(0, -1), key]));
    const laterRegistry = later("registry");
    const read = laterRegistry !== void 0 ? laterRegistry ?? COMPUTED_REGISTRY : registry === void 0 || isNoneValue(this.tokens, registry.value) ? void 0 : this.registryText(registry.value) ?? COMPUTED_REGISTRY;
    const laterRepository = later("repository");
    const repositoryText = laterRepository !== void 0 ? laterRepository ?? void 0 : repository && plainString2(this.tokens, repository.value);
    const name = repositoryText === void 0 ? void 0 : pairName(read, repositoryText);
    const stale = {
      tagKey: this.spec.path,
      tag: written,
      digestKey,
      line: this.line(digest.value.first),
      digest: held,
      name,
      configured: this.computed !== void 0
    };
    this.warn(tag.value.first, staleDigestWarning(stale, this.fieldName));
  }
  /**
   * What a split image's registry value names, as the editor reads it (registryString), a constant a later spec sets as
   * that spec writes it; undefined for a value KCL computes.
   */
  registryText(value) {
    this.#assigned ??= assignedStrings(this.module.statements, this.tokens);
    const held = registryString(this.tokens, this.#assigned, value);
    const later = held?.constant === void 0 ? void 0 : this.later(held.constant);
    if (later !== void 0) return later ?? void 0;
    return held?.text;
  }
};
function search(config, parts, offset, token, found) {
  const reach = (depth, key, at) => {
    if (depth > found.deepest.depth) found.deepest = { depth, keys: /* @__PURE__ */ new Set(), config, consumed: offset, token: at };
    if (depth === found.deepest.depth && key !== void 0) found.deepest.keys.add(key);
  };
  reach(offset, void 0, token);
  for (const item of config.items) {
    const key = item.type === "entry" ? item.key.parts : void 0;
    if (item.type !== "entry" || !key) continue;
    let c = 0;
    while (c < key.length && offset + c < parts.length && key[c] === parts[offset + c]) c++;
    if (c === key.length) {
      if (offset + c === parts.length) {
        found.matches.push(item);
        found.holders.set(item, config);
        continue;
      }
      const sub = configOf(item.value);
      if (sub) search(sub, parts, offset + c, item.first, found);
      else found.blocked.push({ entry: item, depth: offset + c });
    } else if (offset + c === parts.length) {
      found.dotted.push({ entry: item, depth: offset });
    } else {
      reach(offset + c, key[c], c > 0 ? item.first : token);
    }
  }
}
var SEPARATORS = /* @__PURE__ */ new Set([44, 59]);
var HASH2 = 35;
var CLOSERS2 = /* @__PURE__ */ new Set([125, 93, 41]);
function blanksFrom(text2, at) {
  let i = at;
  while (text2.charCodeAt(i) === 32 || text2.charCodeAt(i) === 9) i++;
  return i;
}
function blanksBefore(text2, at) {
  let i = at;
  while (text2.charCodeAt(i - 1) === 32 || text2.charCodeAt(i - 1) === 9) i--;
  return i;
}
function endsLine(text2, at) {
  const c = text2.charCodeAt(at);
  return at >= text2.length || c === 10 || c === 13;
}
function statementValue(s) {
  return s.type === "assign" || s.type === "aug-assign" || s.type === "unification" ? s.value : void 0;
}
function keyText(parts, operator, value) {
  const pair = (key2) => operator === ":" ? `${key2}: ${value}` : `${key2} ${operator} ${value}`;
  if (parts.every(isIdentifier)) return pair(parts.join("."));
  const key = (p) => isIdentifier(p) ? p : JSON.stringify(p);
  let text2 = pair(key(parts[parts.length - 1]));
  for (let i = parts.length - 2; i >= 0; i--) text2 = `${key(parts[i])}: {${text2}}`;
  return text2;
}
function refuseShared(p, s, name) {
  if (s.type !== "assign" || s.targets.length < 2) return;
  const written = `${s.targets.join(" = ")} = ...`;
  throw new SourceError(
    `'${name}' shares its value with the other targets of '${written}'; give it a statement of its own to override it alone`,
    p.line(s.first)
  );
}
function planTopLevel(p, raw, options) {
  const { spec, module } = p;
  const name = spec.parts[0];
  const statements = module.statements.filter((s) => namesTarget(s, name));
  statements.forEach((s) => refuseShared(p, s, name));
  if (spec.operation === "-") {
    const removable = (s) => s.type === "assign" || s.type === "unification";
    statements.filter(removable).forEach((s) => p.remove(s, statementValue(s)));
    if (!statements.some(removable)) nothingToDelete(p, missingTopLevel(p, name, removable));
    return;
  }
  const value = p.value(raw);
  if (!value) return;
  const fits = value.expr.type === "schema" || spec.operation === ":" && value.expr.type === "config";
  const unfit = statements.filter((s) => s.type === "unification" && spec.operation !== "+=" && !fits);
  const takes = spec.operation === "=" ? "replaces it only with a schema instance (S {...})" : "merges into it only a config ({...}) or a schema instance (S {...})";
  const set2 = statements.filter((s) => !unfit.includes(s));
  for (const s of set2) {
    const old = statementValue(s);
    if (spec.operation === "=") p.replace(old, value);
    else if (spec.operation === ":") p.union(old, value);
    else p.append(old, value);
  }
  if (set2.length > 0) {
    const left = `only the assignments of '${name}' are set, as with KCL -O`;
    for (const s of unfit) p.warn(s.first, `'${name}' is also a unification ('${name}: S {...}'), left as it is: '${spec.operation}' ${takes}; ${left}`);
    return;
  }
  const unification = unfit[0];
  if (unification && !options.create)
    throw new SourceError(`'${name}' is a unification ('${name}: S {...}'); '${spec.operation}' ${takes}`, p.line(unification.first));
  createTopLevel(p, [], value, options, `no top-level '${name}' in this file${meantTopLevel(module, name, () => true)}`, () => true);
}
function createTopLevel(p, rest, value, options, missing, reaches) {
  const { spec } = p;
  const name = spec.parts[0];
  const defined = definition(p.module, name);
  if (defined) throw new SourceError(`${defined.message}; ${spec.path} cannot be overridden here, and creating '${name}' would define it twice`, defined.line);
  const why = unreached(p.module, name, reaches);
  if (why && !(options.create && name.startsWith("_"))) throw new SourceError(`${why.message}; ${spec.path} cannot be overridden here`, why.line);
  if (isKeyword(name)) throw new SourceError(`${missing}; '${name}' is a KCL keyword, not a variable name, so it cannot be created`);
  if (!isName(name)) throw new SourceError(`${missing}; '${name}' is not a KCL identifier, so it cannot be created as a variable`);
  if (!options.create) throw new SourceError(`${missing} ${createHint("it", options.fieldName)}`);
  const statement = rest.length > 0 ? `${name} = {${keyText(rest, spec.operation, value.text)}}` : spec.operation === "+=" ? `${name} += ${value.text}` : `${name}${spec.operation === ":" && value.expr.type === "schema" ? ":" : " ="} ${value.text}`;
  const text2 = p.text;
  const startsLine = text2.length === sourceStart(text2) || text2.endsWith("\n");
  p.plan.splices.push({ start: text2.length, end: text2.length, insert: startsLine ? `${statement}${p.eol}` : `${p.eol}${statement}` });
  const line = p.tokens.source.line(text2.length) + (startsLine ? 0 : 1);
  const change = { line, kind: "override", key: spec.path, old: "", new: value.string ?? value.text, op: "create" };
  p.plan.changes.push(change);
  if (value.wholeText) p.warnWholeText(change, value, spec.path);
}
function planNested(p, raw, options) {
  const { spec, module } = p;
  const [name, ...rest] = spec.parts;
  const candidates2 = module.statements.filter((s) => namesTarget(s, name) && holdsConfig(s));
  const searchIn = (s) => {
    const config = configOf(statementValue(s));
    const found2 = {
      matches: [],
      holders: /* @__PURE__ */ new Map(),
      deepest: { depth: -1, keys: /* @__PURE__ */ new Set(), config, consumed: 1, token: s.first },
      blocked: [],
      dotted: []
    };
    search(config, spec.parts, 1, s.first, found2);
    return found2;
  };
  if (spec.operation === "-") {
    for (const s of candidates2) {
      const found2 = searchIn(s);
      if (found2.matches.length + found2.dotted.length === 0) continue;
      refuseShared(p, s, name);
      found2.matches.forEach((m) => p.remove(m, m.value));
      found2.dotted.forEach(
        ({ entry, depth }) => p.remove(entry, entry.value, formatOverridePath(entry.key.parts, formatOverridePath(spec.parts.slice(0, depth))))
      );
      return;
    }
    const first2 = candidates2[0];
    return nothingToDelete(p, first2 ? notFound(p, searchIn(first2)) : missingTopLevel(p, name, holdsConfig));
  }
  const value = p.value(raw);
  if (!value) return;
  const first = candidates2[0];
  if (!first)
    return createTopLevel(
      p,
      rest,
      value,
      options,
      `no top-level '${name}' = {...}, '${name} = S {...}' or '${name}: S {...}' in this file${meantTopLevel(module, name, holdsConfig)}`,
      holdsConfig
    );
  refuseShared(p, first, name);
  const found = searchIn(first);
  if (found.matches.length > 0) refuseDotted(p, found);
  for (const m of found.matches) {
    if (spec.operation === "=") {
      p.warnStaleDigest(found.holders.get(m), m, value);
      p.replace(m.value, value);
    } else if (spec.operation === ":") p.union(m.value, value);
    else p.append(m.value, value);
  }
  if (found.matches.length > 0) return;
  const { deepest } = found;
  const why = notFound(p, found);
  const later = candidates2.slice(1).find((s) => searchIn(s).matches.length > 0);
  if (later)
    why.message += `; '${rest[rest.length - 1]}' is set in a later ${name} statement (line ${p.line(later.first)}), which -O does not reach for '${spec.operation}' (it sets the first statement only; a delete reaches later ones)`;
  if (why.blocked) throw new SourceError(why.message, why.line);
  refuseDotted(p, found);
  if (!options.create) throw new SourceError(`${why.message} ${createHint(spec.path, options.fieldName)}`, why.line);
  p.insert(deepest.config, (indent) => keyText(spec.parts.slice(deepest.consumed), spec.operation, value.indented(indent)), value.string ?? value.text);
  p.insertEntries();
  if (value.wholeText) p.warnWholeText(p.plan.changes[p.plan.changes.length - 1], value, spec.path);
}
function refuseDotted(p, found) {
  const dotted = found.dotted[0]?.entry;
  if (dotted) throw new SourceError(`${p.spec.path} is written as the dotted key '${dotted.key.parts.join(".")}'; name a key inside it`, p.line(dotted.first));
}
function notFound(p, found) {
  const { spec } = p;
  const { deepest } = found;
  const blocked = found.blocked.find((b) => b.depth >= deepest.depth);
  if (blocked) {
    const where3 = formatOverridePath(spec.parts.slice(0, blocked.depth));
    return {
      message: `${where3} is not a config or schema literal, so it has no '${spec.parts[blocked.depth]}'`,
      line: p.line(blocked.entry.first),
      blocked: true
    };
  }
  const where2 = formatOverridePath(spec.parts.slice(0, deepest.depth));
  const keys = [...deepest.keys].map((k) => `'${k}'`);
  const has = keys.length > 0 ? `has ${cappedList(keys)}` : deepest.config.items.length > 0 ? "has no key of its own" : "is empty";
  const unreached2 = unreachedEntries(p.tokens, deepest.config, spec.parts.slice(deepest.consumed, deepest.depth + 1), where2);
  const missing = spec.parts[deepest.depth];
  const dollar = missing.startsWith("$") && deepest.keys.has(missing.slice(1)) ? ` (KCL names the key '${missing.slice(1)}', without its '$')` : "";
  const message = `${where2} ${has}, not '${missing}'${dollar}${unreached2 === void 0 ? "" : `; ${unreached2}`}`;
  return { message, line: p.line(deepest.token), blocked: false };
}
function missingTopLevel(p, name, reaches) {
  return definition(p.module, name) ?? unreached(p.module, name, reaches) ?? { message: `no top-level '${name}' in this file${meantTopLevel(p.module, name, reaches)}` };
}
function nothingToDelete(p, why) {
  p.plan.warnings.push({ ...why.line !== void 0 && { line: why.line }, message: `nothing to delete: ${why.message}` });
}
function applyOverrides(text2, specs, options = {}) {
  return publicResult(applyOverridesAbout(text2, specs, options));
}
function specOf(item) {
  const raw = typeof item === "string" ? item : item.path.trim();
  return { raw, spec: typeof item === "string" ? parseOverrideSpec(raw) : { path: raw, parts: parseOverridePath(raw), operation: "=", value: "" } };
}
function laterWrites(specs, from, fieldName) {
  return (path) => {
    let written;
    for (const item of specs.slice(from)) {
      const read = readSafely(() => specOf(item));
      if (read === void 0 || formatOverridePath(read.spec.parts) !== path) continue;
      const { raw, spec } = read;
      const value = typeof item === "string" && spec.operation === "=" ? readSafely(() => readValue(spec, raw, NO_LINES, fieldName)) : void 0;
      written = value?.string ?? null;
    }
    return written;
  };
}
var NO_LINES = { eol: "\n", unit: "" };
function readSafely(read) {
  try {
    return read();
  } catch (e) {
    if (e instanceof SourceError) return void 0;
    throw e;
  }
}
function applyOverridesAbout(text2, specs, options = {}) {
  let current = text2;
  let module = parseKcl(current);
  const run = { given: new GivenLines(module.tokens.source), removed: /* @__PURE__ */ new Set() };
  let changes = [];
  let warnings = [];
  for (const [index2, item] of specs.entries()) {
    const { raw, spec } = specOf(item);
    if (spec.parts.length === 0) throw new OverrideSpecError(raw, `the path of '${raw}' names no variable`);
    const later = laterWrites(specs, index2 + 1, options.fieldName);
    const planner = new Planner(module, run, spec, typeof item === "string" ? void 0 : item.value, later, options.setsToo, options.fieldName);
    if (spec.parts.length === 1) planTopLevel(planner, raw, options);
    else planNested(planner, raw, options);
    planner.insertEntries();
    planner.writeRemovals();
    const { splices } = planner.plan;
    if (splices.length === 0) {
      changes = changes.concat(planner.plan.changes);
      warnings = warnings.concat(planner.plan.warnings);
      continue;
    }
    const previous = current;
    const ordered = [...splices].sort(byPosition);
    current = applySplices(current, ordered);
    run.given.edited(ordered);
    const movedAt = linesMovedBy(previous, ordered);
    const shifted = shiftLines(changes, previous, current);
    changes = shifted.map((c, i) => run.removed.has(changes[i]) ? changes[i] : c).concat(planner.placed(planner.plan.changes, movedAt));
    warnings = shiftLines(warnings, previous, current).concat(planner.placed(planner.plan.warnings, movedAt));
    try {
      module = parseKcl(current);
    } catch (e) {
      if (!(e instanceof SourceError)) throw e;
      throw new SourceError(`override '${raw}' would leave invalid KCL: ${e.message}`, e.line, e.column);
    }
  }
  return { text: current, changes, warnings };
}

// src/kcl/mod-overrides.ts
function modOverrides(text2) {
  const lines = new LineIndex(text2);
  return profileOverrideStrings(text2).map((token) => {
    const override = readOverride(text2, token, lines.lineAt(token.start));
    return token.key.length > OVERRIDES.length ? { ...override, misplaced: token.key.slice(0, -1).join(".") } : override;
  });
}
function readOverride(text2, token, line) {
  const { kind: kind2, multiline, index: index2 } = token;
  const content = stringContent(text2, token);
  if (!content) {
    const raw = text2.slice(token.start, token.end);
    return { line, index: index2, spec: raw, text: raw, value: { form: "a TOML string that never ends", advice: () => "close it (kcl run cannot read this kcl.mod)" } };
  }
  const read = (content2) => decode(content2, kind2, multiline);
  const decoded = decodeString(text2, token, content);
  const setting = specSetting(decoded.text);
  if (!setting) return { line, index: index2, spec: decoded.text, text: "", value: { form: "a spec that sets no string", advice: () => "" } };
  const { path, value } = setting;
  const spec = { line, index: index2, spec: decoded.text, path, text: setting.text };
  if ("form" in value) return { ...spec, value };
  const start = content.start + decoded.map[value.start];
  const end = content.start + decoded.map[value.end];
  const write = (string2) => {
    const before = { text: decoded.text.slice(value.start, value.end), map: decoded.map.slice(value.start, value.end + 1) };
    const edit = escapedEdit(before, value.write(string2), (middle) => encode(middle, kind2));
    if (edit === void 0) return void 0;
    const written = text2.slice(start, content.start + edit.start) + edit.insert + text2.slice(content.start + edit.end, end);
    const again = read(text2.slice(content.start, start) + written + text2.slice(end, content.end));
    const reread = "refused" in again ? void 0 : specSetting(again.text)?.value;
    return reread && "string" in reread && reread.string === string2 ? written : void 0;
  };
  const whole = value.whole === void 0 ? {} : { whole: value.whole, advice: value.advice };
  return { ...spec, value: { string: value.string, start, end, write, ...whole } };
}
function stringContent(text2, token) {
  const quotes = token.multiline ? 3 : 1;
  const raw = text2.slice(token.start, token.end);
  if (raw.length < 2 * quotes || !raw.endsWith(raw.slice(0, quotes))) return void 0;
  const opening = token.start + quotes + (token.multiline ? /^\r?\n/.exec(raw.slice(quotes))?.[0].length ?? 0 : 0);
  return { start: opening, end: token.end - quotes };
}
function decodeString(text2, token, content) {
  const decoded = decode(text2.slice(content.start, content.end), token.kind, token.multiline);
  if (!("refused" in decoded)) return decoded;
  const at = content.start + decoded.refused;
  const escape = /^\\(?:x[0-9a-fA-F]{0,2}|u[0-9a-fA-F]{0,4}|U[0-9a-fA-F]{0,8}|.?)/su.exec(text2.slice(at))[0];
  const toml11 = /^\\(?:e|x[0-9a-fA-F]{2})$/.test(escape);
  const shown = escape.length < 2 || /\s/.test(escape[1]) ? `a \\ before ${escape.length < 2 ? "its end" : JSON.stringify(escape[1])}` : escape;
  const what = toml11 ? `${escape}, TOML 1.1's escape, which KCL's TOML 0.5 reader refuses, so kcl run cannot read this kcl.mod; write \\u00${escape === "\\e" ? "1b" : escape.slice(2).toLowerCase()}` : `${shown}, which is no escape TOML reads, so kcl run cannot read this kcl.mod; write its escapes as TOML does (\\" \\\\ \\n \\t \\uXXXX)`;
  throw new SourceError(`a TOML string holds ${what}`, lineAt(text2, at), columnAt(text2, at));
}
function decode(content, kind2, multiline) {
  if (kind2 === "literal") return { text: content, map: Array.from({ length: content.length + 1 }, (_, i) => i) };
  let text2 = "";
  const map2 = [];
  const add = (s, at) => {
    for (let k = 0; k < s.length; k++) map2.push(at);
    text2 += s;
  };
  for (let i = 0; i < content.length; ) {
    if (content[i] !== "\\") {
      add(content[i], i);
      i++;
      continue;
    }
    const continued = multiline ? /^\\[ \t]*\r?\n[ \t\r\n]*/.exec(content.slice(i)) : null;
    if (continued) {
      i += continued[0].length;
      continue;
    }
    const c = content[i + 1];
    const simple = { b: "\b", t: "	", n: "\n", f: "\f", r: "\r", '"': '"', "\\": "\\" };
    if (c !== void 0 && c in simple) {
      add(simple[c], i);
      i += 2;
      continue;
    }
    const digits = c === "u" ? 4 : c === "U" ? 8 : 0;
    const hex = content.slice(i + 2, i + 2 + digits);
    const code = digits > 0 && /^[0-9a-fA-F]+$/.test(hex) && hex.length === digits ? parseInt(hex, 16) : -1;
    if (code < 0 || code > 1114111 || code >= 55296 && code <= 57343) return { refused: i };
    add(String.fromCodePoint(code), i);
    i += 2 + digits;
  }
  map2.push(content.length);
  return { text: text2, map: map2 };
}
function encode(text2, kind2) {
  if (kind2 === "literal") return /['\u0000-\u0008\u000a-\u001f\u007f]/.test(text2) ? void 0 : text2;
  const named2 = { "\\": "\\\\", '"': '\\"', "\b": "\\b", "	": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r" };
  return text2.replace(/[\\"\u0000-\u001f\u007f]/g, (c) => named2[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function profileOverrideStrings(text2) {
  const strings = [];
  let table = [];
  let i = 0;
  while (true) {
    i = skipBlank(text2, i, true);
    if (i >= text2.length) return strings;
    if (text2[i] === "[") {
      const close = text2.indexOf("]", i);
      if (close < 0) return strings;
      table = keyParts(text2.slice(i + 1, close).replace(/^\[|\]$/g, ""));
      i = close + 1;
      while (text2[i] === "]") i++;
      continue;
    }
    i = keyValue(text2, i, table, strings);
    if (i < 0) return strings;
  }
}
var OVERRIDES = ["profile", "overrides"];
function keyValue(text2, at, prefix, strings) {
  const eq = keyEnd(text2, at);
  if (eq < 0) return -1;
  const key = [...prefix, ...keyParts(text2.slice(at, eq))];
  const i = skipBlank(text2, eq + 1, false);
  if (text2[i] === "[" && key.slice(-OVERRIDES.length).join(".") === OVERRIDES.join(".")) return arrayStrings(text2, i, key, strings);
  if (text2[i] === "{") return inlineTable(text2, i, key, strings);
  return skipValue(text2, i);
}
function inlineTable(text2, at, prefix, strings) {
  let i = at + 1;
  while (i < text2.length) {
    i = skipBlank(text2, i, true);
    if (text2[i] === ",") i++;
    else if (text2[i] === "}") return i + 1;
    else {
      const next = keyValue(text2, i, prefix, strings);
      if (next < 0) return skipValue(text2, at);
      i = next;
    }
  }
  return i;
}
function skipBlank(text2, at, newlines) {
  let i = at;
  while (i < text2.length) {
    const c = text2[i];
    if (c === " " || c === "	" || newlines && (c === "\n" || c === "\r")) i++;
    else if (c === "#") while (i < text2.length && text2[i] !== "\n" && text2[i] !== "\r") i++;
    else return i;
  }
  return i;
}
function keyEnd(text2, at) {
  for (let i = at; i < text2.length; i++) {
    const c = text2[i];
    if (c === "=") return i;
    if (c === '"' || c === "'") i = stringAt(text2, i).end - 1;
    else if (c === "\n" || c === "\r") return -1;
  }
  return -1;
}
function keyParts(key) {
  return (key.match(/"[^"]*"|'[^']*'|[^.\s]+/g) ?? []).map((part) => part.replace(/^["']|["']$/g, ""));
}
function stringAt(text2, at) {
  const token = stringToken(text2, at);
  const content = token.kind === "basic" ? stringContent(text2, token) : void 0;
  if (content) decodeString(text2, token, content);
  return token;
}
function stringToken(text2, at) {
  const q = text2[at];
  const kind2 = q === '"' ? "basic" : "literal";
  if (text2.startsWith(q.repeat(3), at)) {
    let end = text2.indexOf(q.repeat(3), at + 3);
    while (q === '"' && end > 0 && escaped(text2, end)) end = text2.indexOf(q.repeat(3), end + 1);
    if (end < 0) return { kind: kind2, multiline: true, start: at, end: text2.length };
    while (text2[end + 3] === q) end++;
    return { kind: kind2, multiline: true, start: at, end: end + 3 };
  }
  let i = at + 1;
  while (i < text2.length && text2[i] !== q && text2[i] !== "\n" && text2[i] !== "\r") i += q === '"' && text2[i] === "\\" ? 2 : 1;
  return { kind: kind2, multiline: false, start: at, end: Math.min(i + 1, text2.length) };
}
function escaped(text2, at) {
  let n = 0;
  while (text2[at - 1 - n] === "\\") n++;
  return n % 2 === 1;
}
function skipValue(text2, at) {
  let depth = 0;
  let i = at;
  while (i < text2.length) {
    const c = text2[i];
    if (c === '"' || c === "'") i = stringAt(text2, i).end;
    else if (c === "#") while (i < text2.length && text2[i] !== "\n" && text2[i] !== "\r") i++;
    else if (depth === 0 && (c === "\n" || c === "\r" || c === "," || c === "}" || c === "]")) return i;
    else {
      if (c === "[" || c === "{") depth++;
      else if (c === "]" || c === "}") depth--;
      i++;
    }
  }
  return i;
}
function arrayStrings(text2, at, key, strings) {
  let depth = 0;
  let index2 = 0;
  let i = at;
  while (i < text2.length) {
    const c = text2[i];
    if (c === '"' || c === "'") {
      const token = stringAt(text2, i);
      if (depth === 1) strings.push({ ...token, index: index2, key });
      i = token.end;
    } else if (c === "#") while (i < text2.length && text2[i] !== "\n" && text2[i] !== "\r") i++;
    else {
      if (c === "," && depth === 1) index2++;
      else if (c === "[" || c === "{") depth++;
      else if (c === "]" || c === "}") depth--;
      i++;
      if (depth === 0) return i;
    }
  }
  return i;
}

// src/kcl/mod-editor.ts
var UNEDITED = "so the image kcl run renders (these overrides apply after the source) stays as it is";
function editKclMod(text2, request) {
  const incoming = byRepository(request.images);
  const changes = [];
  const warnings = [];
  const splices = [];
  if (incoming.size === 0) return { text: text2, changes, warnings };
  for (const override of modOverrides(text2)) {
    const key = `${override.misplaced ?? "profile"}.overrides[${override.index}]: ${override.path ?? override.spec}`;
    const warn2 = (message, kind2) => warnings.push({ line: override.line, message: `${key} ${message}`, ...kind2 && { kind: kind2 } });
    if (override.misplaced !== void 0) {
      const stale = staleImageIn(override.spec, incoming);
      if (stale) warn2(misplacedWarning(formatImageRef(stale), override.misplaced));
      continue;
    }
    const image = nextSpecImage(override, incoming, warn2, UNEDITED);
    if (image === void 0 || image.next === image.value.string) continue;
    const { value, name, next } = image;
    const bytes = value.write(next);
    if (bytes === void 0) {
      warn2(
        `holds ${name}, and ${next} would not read as one string once written there; left as it is, ${UNEDITED} (write the value quoted in a "..." TOML string)`
      );
      continue;
    }
    splices.push({ start: value.start, end: value.end, insert: bytes });
    changes.push({ line: override.line, kind: "override", key, old: value.string, new: next });
  }
  return { text: splices.length === 0 ? text2 : applySplices(text2, splices.sort(byPosition)), changes, warnings };
}
function misplacedWarning(image, table) {
  return `holds ${image}, but KCL reads overrides from the top-level profile only, not from ${table}, so kcl run never applies this spec and it is not edited; move these overrides into the top-level [profile] table`;
}

// src/branch-name.ts
function isBranchName(name) {
  const control = Array.from(name).some((ch) => ch.charCodeAt(0) < 32 || ch === "\x7F");
  return !control && !/[\s~^:?*[\\]|\.\.|\/\/|@\{|^\/|\/$|\.$|\.lock$|^-/.test(name) && name !== "@";
}

// src/github-name.ts
var LOGIN = "[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?";
var REPOSITORY = new RegExp(`^(${LOGIN})/([A-Za-z0-9._-]+)$`);
var ACTOR = new RegExp(`^${LOGIN}(?:\\[bot\\])?$`);
function splitRepositoryName(text2) {
  const m = REPOSITORY.exec(text2);
  if (!m || m[2] === "." || m[2] === "..") return void 0;
  return { owner: m[1], repo: m[2] };
}
function isActorLogin(text2) {
  return ACTOR.test(text2);
}
function mentionIssue(name) {
  return name.startsWith("@") ? `${JSON.stringify(name)} is written as a mention: give ${name.slice(1)}, without the @` : void 0;
}

// src/engine/file-kind.ts
function fileKind(path) {
  const base = path.slice(path.lastIndexOf("/") + 1);
  if (base.endsWith(".yaml") || base.endsWith(".yml") || base === "Kustomization") return "yaml";
  if (base.endsWith(".k")) return "kcl";
  if (base === "kcl.mod") return "kcl-mod";
  return void 0;
}
function readsMarkers(path) {
  return fileKind(path) !== "kcl-mod";
}
function kclModNotSet(name = byFlag) {
  return `a kcl.mod is not a file ${name("set")} or an override edits (not supported): the images its [profile] overrides hold move by repository with the incoming image, and anything else there is edited by hand`;
}
function isTestFile(path) {
  return path.endsWith("_test.k");
}
function isHelmTemplate(path, present) {
  const at = path.lastIndexOf("templates/");
  if (at < 0 || at > 0 && path[at - 1] !== "/") return false;
  return present.has(`${path.slice(0, at)}Chart.yaml`);
}
function checkParses(kind2, path, before, after) {
  const broken = (why) => new Error(`internal error: the edit of ${path} would not parse (${why}); nothing was written`);
  try {
    if (kind2 === "kcl-mod") {
      if (specsOf(after) !== specsOf(before)) throw broken("its [profile] overrides would read otherwise");
    } else if (kind2 === "kcl") parseKcl(after);
    else parseYaml(after);
  } catch (error) {
    if (error instanceof SourceError) throw broken(error.message);
    throw error;
  }
}
function specsOf(text2) {
  return JSON.stringify(modOverrides(text2).map((o) => [o.line, o.path, "form" in o.value]));
}

// src/engine/go-template-values.ts
var GoMap = class extends Map {
  constructor(entries, zero, structKeys = false) {
    super(entries);
    this.zero = zero;
    this.structKeys = structKeys;
  }
  zero;
  structKeys;
};
function typeName2(value) {
  if (Array.isArray(value)) return `[]${value.length > 0 ? typeName2(value[0]) : "interface {}"}`;
  if (value instanceof Map) return "map";
  if (value === null || value === void 0) return "nil";
  if (typeof value === "object") return value.constructor === Object || value.constructor === void 0 ? "struct" : value.constructor.name;
  if (typeof value === "number") return "int";
  return typeof value === "boolean" ? "bool" : typeof value;
}
function isStructKeyed(map2) {
  return map2 instanceof GoMap ? map2.structKeys : [...map2.keys()].some(isStruct);
}
function isStruct(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Map);
}
function methodOf(value, name) {
  if (typeof value !== "object" || value === null || !/^[A-Z]/.test(name)) return void 0;
  for (let proto = Object.getPrototypeOf(value); proto && proto !== Object.prototype && proto !== Map.prototype; proto = Object.getPrototypeOf(proto)) {
    const method = Object.getOwnPropertyDescriptor(proto, name)?.value;
    if (typeof method === "function") return method;
  }
  return void 0;
}
var GO_PRINT = /* @__PURE__ */ Symbol("go-print");
function truth(value) {
  if (value instanceof Map) return value.size > 0;
  if (Array.isArray(value)) return value.length > 0;
  return value !== void 0 && value !== null && value !== false && value !== 0 && value !== "";
}
function sortedEntries(map2) {
  return [...map2].sort(([a], [b]) => compareKeys(a, b));
}
function compareKeys(a, b) {
  if (typeof a === "string" && typeof b === "string") return compareStrings(a, b);
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  if (isStruct(a) && isStruct(b)) {
    const [as, bs] = [Object.values(a), Object.values(b)];
    for (let k = 0; k < Math.min(as.length, bs.length); k++) {
      const c = compareKeys(as[k], bs[k]);
      if (c !== 0) return c;
    }
    return as.length - bs.length;
  }
  return 0;
}
function compareStrings(a, b) {
  const [as, bs] = [[...a], [...b]];
  for (let k = 0; k < Math.min(as.length, bs.length); k++) {
    const d = as[k].codePointAt(0) - bs[k].codePointAt(0);
    if (d !== 0) return d;
  }
  return as.length - bs.length;
}

// src/engine/go-fmt.ts
function print(value) {
  if (value === void 0 || value === null) return "<nil>";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return `[${value.map(print).join(" ")}]`;
  if (value instanceof Map)
    return `map[${sortedEntries(value).map(([k, v]) => `${print(k)}:${print(v)}`).join(" ")}]`;
  if (typeof value === "object") {
    const stringer = methodOf(value, "String");
    if (stringer) return String(stringer.call(value));
    if (GO_PRINT in value) return value[GO_PRINT]();
    return `{${Object.values(value).map(print).join(" ")}}`;
  }
  return String(value);
}
function sprint(xs) {
  return xs.map((x, k) => (k > 0 && typeof x !== "string" && typeof xs[k - 1] !== "string" ? " " : "") + print(x)).join("");
}
function sprintf(format, xs) {
  let k = 0;
  const text2 = format.replace(/%([^a-zA-Z%]*)([a-zA-Z%]?)/g, (whole, flags, verb) => {
    if (flags !== "" || !"svdq%".includes(verb) || verb === "")
      throw new Error(`format ${whole}: only %s, %v, %d, %q and %% are supported in commit-message templates`);
    if (verb === "%") return "%";
    if (k >= xs.length) throw new Error(`format ${whole} has no argument`);
    const x = xs[k++];
    if (verb === "v") return print(x);
    if (verb === "d" && typeof x === "number") return String(x);
    if (verb === "q" && typeof x === "string") return goQuote(x);
    if (verb === "s" && (typeof x === "string" || typeof x === "object" && x !== null && onlyStrings(x))) return print(x);
    throw new Error(`format ${whole} of ${typeName2(x)}`);
  });
  if (k < xs.length) throw new Error(`${xs.length - k} argument(s) more than the format uses`);
  return text2;
}
function onlyStrings(value) {
  if (typeof value === "string") return true;
  if (value instanceof Map) return [...value].every(([k, v]) => onlyStrings(k) && onlyStrings(v));
  if (Array.isArray(value)) return value.every(onlyStrings);
  if (typeof value === "object" && value !== null) return methodOf(value, "String") !== void 0 || Object.values(value).every(onlyStrings);
  return false;
}
function goQuote(s) {
  const SHORT2 = {
    "\x07": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "	": "\\t",
    "\v": "\\v",
    "\\": "\\\\",
    '"': '\\"'
  };
  let out = "";
  for (const c of s) {
    const code = c.codePointAt(0);
    if (SHORT2[c] !== void 0) out += SHORT2[c];
    else if (c === " " || /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(c) && code !== 173) out += c;
    else if (code < 128) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else if (code < 65536) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += `\\U${code.toString(16).padStart(8, "0")}`;
  }
  return `"${out}"`;
}

// src/engine/go-strings.ts
var utf8 = (s) => new TextEncoder().encode(s);
var GO_SPACE2 = "\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
function mapCase(c, to) {
  if (to === "title") {
    const TITLE = { \u01C4: "\u01C5", \u01C5: "\u01C5", \u01C6: "\u01C5", \u01C7: "\u01C8", \u01C8: "\u01C8", \u01C9: "\u01C8", \u01CA: "\u01CB", \u01CB: "\u01CB", \u01CC: "\u01CB", \u01F1: "\u01F2", \u01F2: "\u01F2", \u01F3: "\u01F2" };
    if (TITLE[c]) return TITLE[c];
  }
  if (to === "lower" && c === "\u0130") return "i";
  const mapped = to === "lower" ? c.toLowerCase() : c.toUpperCase();
  return [...mapped].length === 1 ? mapped : c;
}
var GO_SPACE_CHARACTER = new RegExp(`^[${GO_SPACE2}]$`, "u");
var mapText = (s, to) => [...s].map((c) => mapCase(c, to)).join("");
function title(s) {
  let previous = " ";
  let out = "";
  for (const c of s) {
    const separator = previous.codePointAt(0) < 128 ? !/[A-Za-z0-9_]/.test(previous) : !/[\p{L}\p{Nd}]/u.test(previous) && GO_SPACE_CHARACTER.test(previous);
    out += separator ? mapCase(c, "title") : c;
    previous = c;
  }
  return out;
}

// src/engine/go-template-functions.ts
function typed(name, fn2, args) {
  const { params, variadic } = fn2;
  if (variadic ? args.length < params.length : args.length !== params.length)
    throw new Error(`wrong number of args for ${name}: want ${variadic ? "at least " : ""}${params.length} got ${args.length}`);
  return args.map((arg, k) => {
    const param = params[k] ?? variadic;
    if (param === "value") return arg === null ? void 0 : arg;
    if (param === "any") return arg === void 0 ? null : arg;
    const ok = param === "string" ? typeof arg === "string" : typeof arg === "number";
    if (!ok) throw new Error(arg === void 0 ? `invalid value; expected ${param}` : `wrong type for value; expected ${param}; got ${typeName2(arg)}`);
    return arg;
  });
}
function kind(value) {
  if (value === void 0 || value === null) return "zero";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "number") return "int";
  return typeof value === "string" ? "string" : "other";
}
function equal(a, b) {
  const [ka, kb] = [kind(a), kind(b)];
  if (ka !== kb) {
    if (ka === "zero" || kb === "zero") return false;
    throw new Error("incompatible types for comparison");
  }
  if (ka === "zero") return true;
  if (ka !== "other") return a === b;
  if (!isStruct(a) || !isStruct(b) || a.constructor !== b.constructor) throw new Error("non-comparable types");
  return Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => equal(v, b[k]));
}
function less(a, b) {
  const [ka, kb] = [kind(a), kind(b)];
  if (ka !== "int" && ka !== "string") throw new Error("invalid type for comparison");
  if (kb !== "int" && kb !== "string") throw new Error("invalid type for comparison");
  if (ka !== kb) throw new Error("incompatible types for comparison");
  return ka === "int" ? a < b : compareStrings(a, b) < 0;
}
var strval = (x) => typeof x === "string" ? x : print(x);
function trunc(n, s) {
  const bytes = utf8(s);
  if (n >= 0 ? bytes.length <= n : bytes.length + n <= 0) return s;
  const part = n >= 0 ? bytes.subarray(0, n) : bytes.subarray(bytes.length + n);
  const text2 = new TextDecoder().decode(part);
  if (utf8(text2).length !== part.length || text2.includes("\uFFFD")) throw new Error(`cutting ${quotedExcerpt(s)} at ${n} bytes would split a character`);
  return text2;
}
function index(item, keys) {
  if (item === void 0 || item === null) throw new Error("index of untyped nil");
  let value = item;
  for (const key of keys) {
    if (Array.isArray(value) || typeof value === "string") {
      if (typeof key !== "number") throw new Error(`cannot index slice/array with type ${typeName2(key)}`);
      const items = typeof value === "string" ? [...utf8(value)] : value;
      if (key < 0 || key >= items.length) throw new Error(`index out of range: ${key}`);
      value = items[key];
    } else if (value instanceof Map) {
      const structKeys = isStructKeyed(value);
      if (structKeys ? !isStruct(key) : typeof key !== "string") throw new Error(`value has type ${typeName2(key)}; should be the map's key type`);
      const found = structKeys ? [...value.keys()].find((k) => equal(k, key)) : key;
      if (value.has(found)) value = value.get(found);
      else if (value instanceof GoMap) value = value.zero;
      else throw new Error(`no key ${quotedExcerpt(String(key))}`);
    } else {
      throw new Error(`can't index item of type ${typeName2(value)}`);
    }
  }
  return value;
}
function length(x) {
  if (x instanceof Map) return x.size;
  if (Array.isArray(x)) return x.length;
  if (typeof x === "string") return utf8(x).length;
  throw new Error(`len of type ${typeName2(x)}`);
}
function fn(params, body, variadic) {
  return { params, body, ...variadic && { variadic } };
}
var FUNCTIONS = Object.freeze(
  Object.setPrototypeOf(
    {
      eq: fn(["value"], ([a, ...bs]) => bs.length > 0 && bs.some((b) => equal(a, b)), "value"),
      ne: fn(["value", "value"], ([a, b]) => !equal(a, b)),
      lt: fn(["value", "value"], ([a, b]) => less(a, b)),
      le: fn(["value", "value"], ([a, b]) => less(a, b) || equal(a, b)),
      gt: fn(["value", "value"], ([a, b]) => !less(a, b) && !equal(a, b)),
      ge: fn(["value", "value"], ([a, b]) => !less(a, b)),
      not: fn(["value"], ([a]) => !truth(a)),
      and: fn([], () => void 0, "value"),
      // evaluated by andOr
      or: fn([], () => void 0, "value"),
      len: fn(["value"], ([x]) => length(x)),
      index: fn(["value"], ([x, ...keys]) => index(x, keys), "value"),
      print: fn([], (xs) => sprint(xs), "any"),
      println: fn([], (xs) => `${xs.map(print).join(" ")}
`, "any"),
      printf: fn(["string"], ([format, ...xs]) => sprintf(format, xs), "any"),
      lower: fn(["string"], ([s]) => mapText(s, "lower")),
      upper: fn(["string"], ([s]) => mapText(s, "upper")),
      title: fn(["string"], ([s]) => title(s)),
      trim: fn(["string"], ([s]) => s.replace(new RegExp(`^[${GO_SPACE2}]+|[${GO_SPACE2}]+$`, "g"), "")),
      trimPrefix: fn(["string", "string"], ([prefix, s]) => s.startsWith(prefix) ? s.slice(prefix.length) : s),
      trimSuffix: fn(["string", "string"], ([suffix, s]) => s.endsWith(suffix) && suffix !== "" ? s.slice(0, -suffix.length) : s),
      contains: fn(["string", "string"], ([part, s]) => s.includes(part)),
      hasPrefix: fn(["string", "string"], ([prefix, s]) => s.startsWith(prefix)),
      hasSuffix: fn(["string", "string"], ([suffix, s]) => s.endsWith(suffix)),
      // strings.Replace with an empty old text puts the new one around every character, first and last too.
      replace: fn(["string", "string", "string"], ([from, to, s]) => from === "" ? s === "" ? to : `${to}${[...s].join(to)}${to}` : s.split(from).join(to)),
      join: fn(
        ["string", "any"],
        ([sep2, list]) => (Array.isArray(list) ? list.filter((x) => x !== null && x !== void 0) : list === null ? [] : [list]).map(strval).join(sep2)
      ),
      quote: fn([], (xs) => xs.flatMap((x) => x === null ? [] : [goQuote(strval(x))]).join(" "), "any"),
      default: fn(["any"], ([fallback, value]) => truth(value) ? value : fallback, "any"),
      trunc: fn(["int", "string"], ([n, s]) => trunc(n, s))
    },
    null
  )
);

// src/engine/go-template-parse.ts
var TemplateError = class extends Error {
  constructor(reason, line) {
    super(`commit-message template line ${line}: ${reason}`);
    this.reason = reason;
    this.line = line;
    this.name = "TemplateError";
  }
  reason;
  line;
};
var SPACE2 = /[ \t\r\n]/;
function split(template) {
  const pieces = [];
  let pos = 0;
  let trimNext = false;
  const lines = new LineIndex(template);
  while (pos <= template.length) {
    const open = template.indexOf("{{", pos);
    let text2 = template.slice(pos, open < 0 ? template.length : open);
    if (trimNext) text2 = text2.replace(/^[ \t\r\n]+/, "");
    if (open < 0) {
      pieces.push({ text: text2 });
      break;
    }
    let start = open + 2;
    if (template[start] === "-" && SPACE2.test(template[start + 1] ?? "")) {
      text2 = text2.replace(/[ \t\r\n]+$/, "");
      start += 2;
    }
    pieces.push({ text: text2 });
    const line = lines.lineAt(open);
    const comment = template.startsWith("/*", start);
    const close = comment ? commentClose(template, start, line) : findClose(template, start, line);
    let end = close;
    trimNext = false;
    if (template[close - 1] === "-" && SPACE2.test(template[close - 2] ?? "") && close - 2 >= start) {
      end = close - 2;
      trimNext = true;
    }
    if (!comment) pieces.push({ action: { body: template.slice(start, end), line } });
    pos = close + 2;
  }
  return pieces;
}
function commentClose(template, from, line) {
  const end = template.indexOf("*/", from + 2);
  if (end < 0) throw new TemplateError("unclosed comment", line);
  const after = end + 2;
  if (template.startsWith("}}", after)) return after;
  if (SPACE2.test(template[after] ?? "") && template.startsWith("-}}", after + 1)) return after + 2;
  throw new TemplateError("comment ends before closing delimiter", line);
}
function findClose(template, from, line) {
  let i = from;
  while (i < template.length) {
    const c = template[i];
    if (c === '"' || c === "`") {
      i++;
      while (i < template.length && template[i] !== c) i += c === '"' && template[i] === "\\" ? 2 : 1;
      i++;
    } else if (template.startsWith("}}", i)) {
      return i;
    } else {
      i++;
    }
  }
  throw new TemplateError("unclosed action: '{{' without '}}'", line);
}
var TOKEN = /(\s*)(?:("(?:[^"\\\n]|\\[^\n])*")|(`[^`]*`)|(:=|[|(),=])|(\$[\p{L}\p{Nd}_]*(?:\.[\p{L}\p{Nd}_]+)*)|((?:\.[\p{L}\p{Nd}_]+)+|\.)|([-+]?\.?[0-9][0-9A-Za-z_.+-]*)|([\p{L}_][\p{L}\p{Nd}_]*)|('))/uy;
function tokenize2(action) {
  const tokens = [];
  TOKEN.lastIndex = 0;
  const src = action.body;
  while (TOKEN.lastIndex < src.length) {
    if (/^\s*$/.test(src.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) throw new TemplateError(`unexpected ${JSON.stringify(src.slice(at).trim().slice(0, 20))} in {{${src}}}`, action.line);
    const [, space, dq, raw, punct, variable, field2, num, word, char] = m;
    if (char !== void 0) throw new TemplateError("character constants ('a') are not supported in commit-message templates", action.line);
    const spaced = space !== "" || at === 0;
    if (dq !== void 0) tokens.push({ kind: "string", text: dq, value: unquote2(dq, action.line), spaced });
    else if (raw !== void 0) tokens.push({ kind: "string", text: raw, value: raw.slice(1, -1).replace(/\r/g, ""), spaced });
    else if (punct !== void 0) tokens.push({ kind: "punct", text: punct, spaced });
    else if (variable !== void 0) tokens.push({ kind: "var", text: variable, spaced });
    else if (field2 !== void 0) tokens.push({ kind: "field", text: field2, spaced });
    else if (num !== void 0) tokens.push({ kind: "number", text: num, value: parseNumber(num, action.line), spaced });
    else tokens.push({ kind: "word", text: word, spaced });
  }
  return tokens;
}
function parseNumber(text2, line) {
  const value = Number(text2);
  if (!/^-?(?:0|[1-9][0-9]*)$/.test(text2) || !Number.isSafeInteger(value))
    throw new TemplateError(`number ${text2}: only decimal integers are supported in commit-message templates`, line);
  return value;
}
function unquote2(quoted3, line) {
  const ESCAPES2 = { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "	", v: "\v", "\\": "\\", '"': '"' };
  return quoted3.slice(1, -1).replace(/\\(?:([abfnrtv\\"])|x([0-9A-Fa-f]{2})|([0-7]{3})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|([^]?))/g, (_, c, x, o, u, U, bad) => {
    if (c !== void 0) return ESCAPES2[c];
    const code = parseInt(x ?? o ?? u ?? U, x !== void 0 ? 16 : o !== void 0 ? 8 : 16);
    const byte = x !== void 0 || o !== void 0;
    if (bad !== void 0 || byte && code > 127 || code > 1114111 || code >= 55296 && code <= 57343)
      throw new TemplateError(`invalid syntax in string ${quotedExcerpt(quoted3)}`, line);
    return String.fromCodePoint(code);
  });
}
function parse2(template) {
  const pieces = split(template);
  let i = 0;
  const scope = ["$"];
  const pipe = (tokens, line, context2) => {
    const p = pipeline(tokens, line, context2);
    for (const command of p.commands) checkVariables(command, scope, line);
    if (p.assign) for (const name of p.declare) checkVariables([{ type: "field", base: name, path: [] }], scope, line);
    else scope.push(...p.declare);
    return p;
  };
  const list = (opener) => {
    const nodes = [];
    while (i < pieces.length) {
      const piece = pieces[i++];
      if ("text" in piece) {
        if (piece.text !== "") nodes.push({ type: "text", text: piece.text });
        continue;
      }
      const tokens = tokenize2(piece.action);
      const line = piece.action.line;
      const head = tokens[0];
      if (!head) throw new TemplateError("empty action {{ }}", line);
      if (head.kind === "word" && (head.text === "end" || head.text === "else")) {
        if (!opener) throw new TemplateError(`unexpected {{${head.text}}}`, line);
        if (head.text === "end" && tokens.length > 1) throw new TemplateError(`unexpected ${tokens[1].text} in {{end}}`, line);
        return { nodes, stop: { word: head.text, tokens: tokens.slice(1), line } };
      }
      if (head.kind === "word" && (head.text === "if" || head.text === "with" || head.text === "range")) {
        nodes.push(block(head.text, tokens.slice(1), line));
      } else if (head.kind === "word" && ["define", "template", "block", "break", "continue"].includes(head.text)) {
        throw new TemplateError(`{{${head.text}}} is not supported in commit-message templates`, line);
      } else {
        nodes.push({ type: "action", pipe: pipe(tokens, line, "command") });
      }
    }
    if (opener) throw new TemplateError(`missing {{end}} for this {{${opener.kind}}}`, opener.line);
    return { nodes };
  };
  const block = (kind2, tokens, line) => {
    const depth = scope.length;
    const head = pipe(tokens, line, kind2);
    if (kind2 === "range" && head.assign) throw new TemplateError("range assigning variables (=) is not supported in commit-message templates", line);
    const body = list({ kind: kind2, line });
    let otherwise = [];
    if (body.stop?.word === "else") {
      const rest = body.stop.tokens;
      if (kind2 === "if" && rest[0]?.kind === "word" && rest[0].text === "if") {
        otherwise = [block("if", rest.slice(1), body.stop.line)];
        scope.length = depth;
        return { type: "block", kind: kind2, pipe: head, body: body.nodes, otherwise };
      }
      if (rest.length > 0) throw new TemplateError(`unexpected ${rest[0].text} after {{else}}`, body.stop.line);
      const tail = list({ kind: kind2, line });
      if (tail.stop?.word !== "end") throw new TemplateError("expected {{end}} after {{else}}", tail.stop?.line ?? line);
      otherwise = tail.nodes;
    }
    scope.length = depth;
    return { type: "block", kind: kind2, pipe: head, body: body.nodes, otherwise };
  };
  return list().nodes;
}
function checkVariables(command, scope, line) {
  for (const operand of command) {
    if (operand.type === "field" && operand.base !== "dot" && !scope.includes(operand.base))
      throw new TemplateError(`undefined variable ${operand.base}`, line);
    if (operand.type === "pipe") for (const inner of operand.pipe.commands) checkVariables(inner, scope, line);
  }
}
function pipeline(tokens, line, context2) {
  let declare = [];
  let assign = false;
  const decl = tokens[0]?.kind === "var" && [":=", "=", ","].includes(tokens[1]?.text ?? "") ? tokens.findIndex((t) => t.text === ":=" || t.text === "=") : -1;
  if (decl >= 0) {
    const names = tokens.slice(0, decl);
    if (!names.every((t, k) => k % 2 === 0 ? t.kind === "var" && !t.text.includes(".") : t.text === ",") || names.length % 2 === 0) {
      throw new TemplateError("only variables may be declared before ':='", line);
    }
    declare = names.filter((t) => t.kind === "var").map((t) => t.text);
    if (declare.length > (context2 === "range" ? 2 : 1)) throw new TemplateError(`too many declarations in ${context2}`, line);
    assign = tokens[decl].text === "=";
    tokens = tokens.slice(decl + 1);
  }
  let pos = 0;
  const commands = () => {
    let current = [];
    const cmds2 = [current];
    while (pos < tokens.length) {
      const t = tokens[pos];
      if (t.kind === "punct" && t.text === ")") break;
      pos++;
      if (t.kind === "punct" && t.text === "|") {
        current = [];
        cmds2.push(current);
        continue;
      }
      current.push(operand(t));
    }
    if (cmds2.some((c) => c.length === 0)) throw new TemplateError("missing command in pipeline", line);
    cmds2.slice(1).forEach((c, k) => {
      if (c[0].type === "literal" || c[0].type === "field" && c[0].base === "dot" && c[0].path.length === 0)
        throw new TemplateError(`non executable command in pipeline stage ${k + 2}`, line);
    });
    return cmds2;
  };
  const operand = (t) => {
    switch (t.kind) {
      case "string":
      case "number":
        return { type: "literal", value: t.value };
      case "field":
        return { type: "field", base: "dot", path: t.text === "." ? [] : t.text.slice(1).split(".") };
      case "var": {
        const [name, ...path] = t.text.split(".");
        return { type: "field", base: name, path };
      }
      case "word":
        if (t.text === "true" || t.text === "false") return { type: "literal", value: t.text === "true" };
        if (t.text === "nil") return { type: "literal", value: null };
        if (!Object.hasOwn(FUNCTIONS, t.text)) throw new TemplateError(`function ${JSON.stringify(t.text)} not defined`, line);
        return { type: "function", name: t.text };
      case "punct":
        if (t.text === "(") {
          const inner = { line, declare: [], assign: false, commands: commands() };
          if (tokens[pos]?.text !== ")") throw new TemplateError("unclosed '('", line);
          pos++;
          const next = tokens[pos];
          const path = next?.kind === "field" && !next.spaced && next.text !== "." ? next.text.slice(1).split(".") : [];
          if (path.length > 0) pos++;
          return { type: "pipe", pipe: inner, path };
        }
        if (t.text === ":=" || t.text === "=") throw new TemplateError("declaring a variable inside ( ) is not supported in commit-message templates", line);
        throw new TemplateError(`unexpected ${JSON.stringify(t.text)}`, line);
    }
  };
  const cmds = commands();
  if (pos < tokens.length) throw new TemplateError("unexpected ')'", line);
  if (cmds.length === 1 && cmds[0].length === 0) throw new TemplateError(`missing value for ${context2}`, line);
  return { line, declare, assign, commands: cmds };
}

// src/engine/go-template-exec.ts
function execute(nodes, dot, vars, out) {
  for (const node2 of nodes) {
    if (node2.type === "text") {
      out.push(node2.text);
    } else if (node2.type === "action") {
      const value = evalPipeline(node2.pipe, dot, vars);
      if (node2.pipe.declare.length === 0) out.push(value === void 0 || value === null ? "<no value>" : print(value));
    } else if (node2.kind === "if" || node2.kind === "with") {
      const scope = [...vars];
      const value = evalPipeline(node2.pipe, dot, scope);
      if (truth(value)) execute(node2.body, node2.kind === "with" ? value : dot, scope, out);
      else execute(node2.otherwise, dot, scope, out);
    } else {
      rangeOver(node2, dot, vars, out);
    }
  }
}
function rangeOver(node2, dot, vars, out) {
  const { pipe } = node2;
  const value = evalPipeline({ ...pipe, declare: [] }, dot, vars);
  let entries;
  if (value instanceof Map) entries = sortedEntries(value);
  else if (Array.isArray(value)) entries = value.map((v, i) => [i, v]);
  else if (value === void 0 || value === null) entries = [];
  else throw new TemplateError(`range can't iterate over ${quotedExcerpt(print(value))}`, pipe.line);
  if (entries.length === 0) {
    execute(node2.otherwise, dot, [...vars, ...pipe.declare.map((name) => ({ name, value }))], out);
    return;
  }
  for (const [key, element] of entries) {
    const scope = [...vars];
    if (pipe.declare.length === 1) scope.push({ name: pipe.declare[0], value: element });
    if (pipe.declare.length === 2) scope.push({ name: pipe.declare[0], value: key }, { name: pipe.declare[1], value: element });
    execute(node2.body, element, scope, out);
  }
}
function evalPipeline(pipe, dot, vars) {
  let value;
  pipe.commands.forEach((command, k) => {
    value = evalCommand(command, dot, vars, pipe.line, k === 0 ? [] : [value]);
  });
  if (pipe.declare.length > 0) {
    const name = pipe.declare[0];
    if (pipe.assign) {
      const known = [...vars].reverse().find((v) => v.name === name);
      if (!known) throw new TemplateError(`undefined variable ${name}`, pipe.line);
      known.value = value;
    } else {
      vars.push({ name, value });
    }
  }
  return value;
}
function evalCommand(command, dot, vars, line, piped) {
  const [first, ...rest] = command;
  if (first.type === "function") {
    const fn2 = FUNCTIONS[first.name];
    const argument = (o) => evalOperand(o, dot, vars, line);
    try {
      if (fn2 === FUNCTIONS.and || fn2 === FUNCTIONS.or) return andOr(first.name === "or", rest, argument, piped, line);
      const args = [...rest.map(argument), ...piped];
      return fn2.body(typed(first.name, fn2, args));
    } catch (error) {
      if (error instanceof TemplateError) throw error;
      throw new TemplateError(`${first.name}: ${error.message}`, line);
    }
  }
  if (first.type === "literal" && first.value === null) throw new TemplateError("nil is not a command", line);
  if (rest.length > 0 || piped.length > 0) throw new TemplateError("can't give arguments to a value that is not a function", line);
  return evalOperand(first, dot, vars, line);
}
function andOr(or, operands, argument, piped, line) {
  if (operands.length + piped.length === 0) throw new TemplateError(`wrong number of args for ${or ? "or" : "and"}: want at least 1 got 0`, line);
  let value;
  for (const operand of operands) {
    value = argument(operand) ?? void 0;
    if (truth(value) === or) return value;
  }
  return piped.length > 0 ? piped[0] : value;
}
function evalOperand(operand, dot, vars, line) {
  switch (operand.type) {
    case "literal":
      return operand.value;
    case "pipe":
      return operand.path.reduce((value, name) => field(value, name, line), evalPipeline(operand.pipe, dot, vars));
    case "function":
      return evalCommand([operand], dot, vars, line, []);
    case "field": {
      let value = dot;
      if (operand.base !== "dot") {
        const variable = [...vars].reverse().find((v) => v.name === operand.base);
        if (!variable) throw new TemplateError(`undefined variable ${operand.base}`, line);
        value = variable.value;
      }
      for (const name of operand.path) value = field(value, name, line);
      return value;
    }
  }
}
function field(value, name, line) {
  if (value === void 0) return void 0;
  if (value instanceof Map && !isStructKeyed(value)) return value.get(name);
  if (typeof value === "object" && value !== null && !(value instanceof Map) && Object.hasOwn(value, name)) return value[name];
  const method = methodOf(value, name);
  if (method) return method.call(value);
  if (value === null) throw new TemplateError(`nil pointer evaluating .${name}`, line);
  const fields = typeof value === "object" && !Array.isArray(value) && !(value instanceof Map) ? [...Object.keys(value), ...methodNames(value)] : [];
  const shown = fields.length > FIELDS_NAMED + 1 ? [...fields.slice(0, FIELDS_NAMED), `and ${fields.length - FIELDS_NAMED} more`] : fields;
  throw new TemplateError(`can't evaluate field ${name} in type ${typeName2(value)}${shown.length > 0 ? ` (its fields: ${shown.join(", ")})` : ""}`, line);
}
function methodNames(value) {
  const names = [];
  for (let proto = Object.getPrototypeOf(value); proto && proto !== Object.prototype && proto !== Map.prototype; proto = Object.getPrototypeOf(proto))
    names.push(...Object.getOwnPropertyNames(proto).filter((name) => methodOf(value, name)));
  return names;
}
var FIELDS_NAMED = 10;

// src/engine/go-template.ts
function checkTemplate(template) {
  parse2(template);
}
function renderTemplate(template, data) {
  const nodes = parse2(template);
  const out = [];
  execute(nodes, data, [{ name: "$", value: data }], out);
  return out.join("");
}

// src/engine/path-glob.ts
var import_picomatch = __toESM(require_picomatch2(), 1);
function pathMatcher(globs) {
  const matches = (0, import_picomatch.default)(
    globs.flatMap((glob) => {
      const base = glob.replace(/\/+$/, "");
      return [base, `${base}/**`];
    }),
    { dot: true }
  );
  const prefixes = globs.map(plainStart);
  if (prefixes.includes("")) return matches;
  return (path) => prefixes.some((prefix) => path.startsWith(prefix)) && matches(path);
}
function plainStart(glob) {
  return /^[\w-]*(?:\/[\w-]+)*/.exec(glob)[0];
}
function slashSeparated(glob) {
  return glob.replaceAll("\\", "/");
}
function pathFilter(globs, files, warnings, links = /* @__PURE__ */ new Map()) {
  if (globs.length === 0) return () => true;
  const matchers = globs.map((glob) => pathMatcher([glob]));
  globs.forEach((glob, i) => {
    if (files.some((file) => matchers[i](file))) return;
    const linked = [...links].filter(([link]) => matchers[i](link)).map(([link, to]) => `${link} (to ${JSON.stringify(to)})`);
    const only = linked.length === 1 ? "the symbolic link" : "symbolic links:";
    warnings.push({
      message: linked.length > 0 ? `path ${JSON.stringify(glob)} matches no file, only ${only} ${cappedList(linked, 3, { sentence: true })}, and no link is followed: give the path it leads to` : `path ${JSON.stringify(glob)} matches no file${meantPath(glob, files)}`
    });
  });
  return (path) => matchers.some((matches) => matches(path));
}
function meantPath(glob, files) {
  const segments = glob.split("/");
  const globbed = segments.findIndex((segment2) => /[*?[\]{}]/.test(segment2));
  const plain = (globbed < 0 ? segments : segments.slice(0, globbed)).join("/").replace(/\/+$/, "");
  if (plain === "") return "";
  const names = /* @__PURE__ */ new Set();
  for (const file of files) {
    for (let end = file.indexOf("/"); end > 0; end = file.indexOf("/", end + 1)) names.add(file.slice(0, end));
    names.add(file);
  }
  if (names.has(plain)) return "";
  return didYouMean(
    meantNames(plain, names).map((name) => `${name}${glob.slice(plain.length)}`).join(" or ") || void 0
  );
}
function meantNames(plain, names) {
  const depth = plain.split("/").length;
  const asDeep = [...names].filter((name) => name.split("/").length === depth);
  const typo = closest(plain, asDeep);
  if (typo !== void 0) return [typo];
  const begun = asDeep.filter((name) => name.startsWith(plain));
  if (begun.length > 0) return begun.length <= 3 ? begun : [];
  const anywhere = closest(plain, names);
  return anywhere === void 0 ? [] : [anywhere];
}

// src/engine/request.ts
var RequestError = class extends Error {
  constructor(issues) {
    super(issues.map(formatDiagnostic).join("\n"));
    this.issues = issues;
    this.name = "RequestError";
  }
  issues;
};
var SETTER_KEY = /^[^\s:="]+:[^\s:="]+$/;
var PART_KEY = /^([^\s:="]+:[^\s:="]+):(tag|name|digest)$/;
function isTagAlone(text2) {
  return !text2.includes("/") && /^v?[0-9]/.test(text2) && isTag(text2);
}
var UNKNOWN_REPOSITORY = "<repository>";
function wholeReference(value, repository = UNKNOWN_REPOSITORY) {
  if (isTagAlone(value)) return `${repository}:${value}`;
  const image = tryParseImageRef(value);
  if (!image) return `${repository}:<tag>`;
  return image.tag === void 0 && image.digest === void 0 ? `${value}:<tag>` : value;
}
function parseIncomingImage(text2, field2, repository) {
  let image;
  try {
    image = parseImageRef(text2);
  } catch (error) {
    return { field: field2, reason: error instanceof ImageRefError ? error.message : String(error) };
  }
  if (image.tag === void 0 && image.digest === void 0) {
    if (isTagAlone(text2))
      return { field: field2, reason: `${JSON.stringify(text2)} is a tag alone; give the full reference, e.g. ${repository ?? UNKNOWN_REPOSITORY}:${text2}` };
    return { field: field2, reason: `${JSON.stringify(text2)} has no tag or digest; give repo:tag or repo@sha256:...` };
  }
  return image;
}
function checkIncomingImages(texts, entry, known = {}) {
  const issues = [];
  const images = [];
  const seen = /* @__PURE__ */ new Map();
  const [only, ...others] = known.repositories ?? [];
  texts.forEach((text2, i) => {
    const image = parseIncomingImage(text2, entry(i), others.length === 0 ? only : void 0);
    if ("reason" in image) {
      issues.push(image);
      return;
    }
    const earlier = seen.get(image.repository);
    if (earlier) issues.push({ field: entry(i), reason: `${earlier} and ${formatImageRef(image)} name one repository; give each repository once` });
    seen.set(image.repository, formatImageRef(image));
    images.push(image);
  });
  return { images, issues };
}
function parseSet(text2, fieldName) {
  if (/^["']/.test(text2))
    return `${JSON.stringify(text2)} is quoted; drop the quotes: in \`${(fieldName ?? byIndex)("set", void 0, true)}\` the value reaches the tool as written`;
  const colon = text2.indexOf(":", /^[A-Za-z]:[\\/]/.test(text2) ? 2 : 0);
  if (colon <= 0 || colon === text2.length - 1)
    return `${JSON.stringify(text2)} is not FILE:SPEC, e.g. main.k:config.containers.app.image="ghcr.io/acme/app:1.2.3"`;
  const file = text2.slice(0, colon);
  const spec = text2.slice(colon + 1);
  if (/[="']/.test(file) || fileKind(file) === void 0 && isUnionWithoutFile(file, spec)) return fileFirst(text2);
  const refused = notASetFile(file, fieldName);
  if (refused) return refused;
  return { file: file.replace(/^\.\//, ""), spec };
}
function notASetFile(file, fieldName) {
  switch (fileKind(file)) {
    case "kcl-mod":
      return `${file}: ${kclModNotSet(fieldName)}`;
    case void 0:
      return `${file} is not a .k, .yaml or .yml file, the only files a set edits`;
    default:
      return void 0;
  }
}
function isUnionWithoutFile(file, spec) {
  return !file.includes("/") && readsAsKcl(() => parseOverridePath(file)) && !readsAsKcl(() => parseOverrideSpec(spec));
}
function readsAsKcl(read) {
  try {
    read();
    return true;
  } catch (error) {
    if (error instanceof OverrideSpecError) return false;
    throw error;
  }
}
function trySetSpec(kind2, spec, fieldName) {
  try {
    return { field: readSpec2(kind2, spec, fieldName) };
  } catch (error) {
    if (error instanceof SourceError) return { error };
    throw error;
  }
}
function setSpecError(set2, fieldName) {
  return trySetSpec(fileKind(set2.file), set2.spec, fieldName).error;
}
function readSpec2(kind2, spec, fieldName) {
  switch (kind2) {
    case "kcl": {
      const read = parseOverrideSpec(spec);
      if (read.operation !== "-") usableSpecValue(read, spec, fieldName);
      return { path: read.path, keys: read.parts, operation: read.operation, value: read.operation === "=" ? read.value : void 0 };
    }
    case "yaml": {
      const read = parseYamlSpec(spec, fieldName);
      return { path: read.path, keys: read.segments.map(String), operation: "=", value: read.value };
    }
    case "kcl-mod":
    case void 0:
      return void 0;
  }
}
function fileFirst(text2) {
  const spaced = /^(\S+)\s+(\S.*)$/s.exec(text2);
  if (spaced && fileKind(spaced[1]) !== void 0)
    return `${JSON.stringify(text2)} has a space after its file where FILE:SPEC has a ':'; write ${spaced[1]}:${spaced[2]}`;
  return `${JSON.stringify(text2)} starts with a spec, not a file: FILE:SPEC names the file first, e.g. main.k:${text2}`;
}
function nothingToUpdate(name) {
  const [image, setter, set2] = name ? [name("image"), name("setter"), name("set")] : ["an image", "a setter", "a set"];
  return `nothing to update: give ${image}, ${setter} or ${set2}`;
}
function stringsOf(value, named2, said) {
  if (value === void 0) return [];
  if (!Array.isArray(value)) {
    said(`${named2()}: must be a list of strings, not ${describeValue(value)}`);
    return [];
  }
  const wrong = value.flatMap((item, i) => typeof item === "string" ? [] : [i]);
  for (const i of wrong) said(`${named2(i)}: must be a string, not ${describeValue(value[i])}`);
  return wrong.length === 0 ? value : [];
}
function isConfigField(config) {
  if (config === void 0 || typeof config === "string") return true;
  const parsed = config;
  return Array.isArray(parsed?.targets) && parsed.setters instanceof Map && Array.isArray(parsed.overrides);
}
function outsideRoot(path) {
  if (path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path)) return "must be relative to the root";
  if (path.split(/[\\/]/).includes("..")) return 'must stay inside the root (no "..")';
  return void 0;
}
var SWITCHES = ["allowDowngrade", "create"];
var REQUEST_KEYS = {
  images: true,
  setters: true,
  sets: true,
  paths: true,
  pathInRepository: true,
  config: true,
  targets: true,
  allowDowngrade: true,
  create: true,
  fieldName: true
};
function readShape(request, name, issues) {
  const say = (field2, message) => issues.push({ field: field2, message });
  const keys = Object.keys(REQUEST_KEYS);
  for (const key of Object.keys(request).filter((key2) => !Object.hasOwn(REQUEST_KEYS, key2))) {
    const meant = closest(key, keys) ?? keys.find((known) => known.toLowerCase() === key.toLowerCase());
    say("request", `${key}: unknown key of the request${meant ? didYouMean(meant) : ` (expected ${keys.join(", ")})`}`);
  }
  const list = (field2, value) => stringsOf(
    value,
    (i) => name(field2, i),
    (message) => say(field2, message)
  );
  const lists = {
    images: list("image", request.images),
    setters: list("setter", request.setters),
    sets: list("set", request.sets),
    paths: list("path", request.paths)
  };
  stringsOf(
    request.targets,
    (i) => i === void 0 ? "targets" : `targets[${i}]`,
    (message) => say("target", message)
  );
  if (!isConfigField(request.config))
    say("config", `config: must be a path relative to the root or what parseConfig returns, not ${describeValue(request.config)}`);
  for (const key of SWITCHES)
    if (request[key] !== void 0 && typeof request[key] !== "boolean") say("request", `${key}: must be true or false, not ${describeValue(request[key])}`);
  if (request.pathInRepository !== void 0 && typeof request.pathInRepository !== "string")
    say("request", `pathInRepository: must be a string, not ${describeValue(request.pathInRepository)}`);
  if (request.fieldName !== void 0 && typeof request.fieldName !== "function")
    say("request", `fieldName: must be a function, not ${describeValue(request.fieldName)}`);
  return lists;
}
function validateRequest(request, known = {}) {
  if (typeof request !== "object" || request === null || Array.isArray(request)) {
    const given = request === void 0 ? "nothing" : describeValue(request);
    throw new RequestError([{ field: "request", message: `the request must be an object, e.g. { images: ["ghcr.io/acme/app:1.2.4"] }, not ${given}` }]);
  }
  const fieldName = typeof request.fieldName === "function" ? request.fieldName : void 0;
  const name = fieldName ?? byIndex;
  const issues = [];
  const issue = (field2, message) => issues.push({ field: field2, message });
  const { images: imageTexts, setters: setterTexts, sets: setTexts, paths } = readShape(request, name, issues);
  if (issues.length === 0 && imageTexts.length + setterTexts.length + setTexts.length === 0)
    issues.push({ field: "request", message: nothingToUpdate(fieldName) });
  const checked = checkIncomingImages(imageTexts, (i) => name("image", i), known);
  issues.push(...checked.issues.map(({ field: field2, reason }) => ({ field: "image", message: `${field2}: ${reason}` })));
  const hint = upperCaseHint(imageTexts);
  if (hint) issues.push({ field: "image", message: `${name("image", hint.index)}: ${hint.message}` });
  const { images } = checked;
  const parse3 = (field2, text2, key) => {
    const image = parseIncomingImage(text2, field2, known.setters?.get(key)?.name);
    if (!("reason" in image)) return image;
    issue("setter", `${field2}: ${image.reason}`);
    return void 0;
  };
  const setters = /* @__PURE__ */ new Map();
  setterTexts.forEach((text2, i) => {
    const eq = text2.indexOf("=");
    const key = eq < 0 ? text2 : text2.slice(0, eq);
    const part = PART_KEY.exec(key);
    if (eq >= 0 && part) {
      const [whole, which] = [part[1], part[2]];
      issue(
        "setter",
        `${name("setter", i)}: ${JSON.stringify(key)} is the key of a marker for the ${which} alone; give the marker's key without ":${which}" and the whole reference, e.g. ${givenValue(fieldName, "setter", `${whole}=${wholeReference(text2.slice(eq + 1), known.setters?.get(whole)?.name)}`)}: the key's :tag, :name and :digest markers each take their part of it`
      );
      return;
    }
    if (eq < 0 || !SETTER_KEY.test(key)) {
      issue("setter", `${name("setter", i)}: ${JSON.stringify(text2)} is not <namespace>:<policy>=<image>, e.g. flux-system:app=ghcr.io/acme/app:1.2.3`);
      return;
    }
    const ref = parse3(`${name("setter", i)} (${key})`, text2.slice(eq + 1), key);
    const earlier = setters.get(key);
    if (ref && earlier) {
      issue("setter", `${name("setter", i)} (${key}): ${key} is given twice (${formatImageRef(earlier)} and ${formatImageRef(ref)}); give each key once`);
    } else if (ref) setters.set(key, ref);
  });
  const sets = [];
  const assigned = /* @__PURE__ */ new Map();
  setTexts.forEach((text2, i) => {
    const set2 = parseSet(text2, fieldName);
    if (typeof set2 === "string") {
      issue("set", `${name("set", i)}: ${set2}`);
      return;
    }
    sets.push(set2);
    const { field: field2 } = trySetSpec(fileKind(set2.file), set2.spec);
    if (field2?.value === void 0) return;
    const key = JSON.stringify([set2.file, ...field2.keys]);
    const earlier = assigned.get(key);
    if (!earlier) assigned.set(key, { text: text2, value: field2.value });
    else if (earlier.value !== field2.value)
      issue(
        "set",
        `${name("set", i)}: ${set2.file}:${field2.path} is given twice (${JSON.stringify(earlier.text)} and ${JSON.stringify(text2)}); give each field one value`
      );
  });
  paths.forEach((glob, i) => {
    const outside = outsideRoot(glob);
    if (glob.trim() === "") issue("path", `${name("path", i)}: must not be empty`);
    else if (outside) issue("path", `${name("path", i)}: ${JSON.stringify(glob)} ${outside}`);
  });
  const configOutside = typeof request.config === "string" ? outsideRoot(request.config) : void 0;
  if (configOutside) issues.push({ field: "config", message: `${name("config")}: ${JSON.stringify(request.config)} ${configOutside}` });
  if (issues.length > 0) throw new RequestError(issues);
  return { images, setters, sets };
}
function upperCaseHint(images) {
  const index2 = images.findIndex((text2) => lowerCasedReference(text2) !== void 0);
  if (index2 < 0) return void 0;
  return {
    index: index2,
    message: "an image name is written in lower case: write its registry and repository in lower case and keep its tag as it is. `${{ github.repository }}` and `${{ github.repository_owner }}` keep the owner's case (docker/metadata-action lower-cases the images it is given)."
  };
}

// src/engine/target-owners.ts
var PLAIN_NAME = /^[\w-]+$/;
var PLAIN_START = /^[\w-]*/;
var GROUPING = /[{}()[\]\\]/;
function targetOwners(targets) {
  if (targets.length === 0) return NO_OWNERS;
  const root = node();
  const paths = new Map(
    targets.map((target, rank) => [target, target.paths.map((glob, index2) => indexed(root, glob, { target, rank, index: index2, matches: lazyMatcher(glob) }))])
  );
  const mayMatch = (file) => {
    const found = /* @__PURE__ */ new Set();
    collect(root, file.split("/"), 0, found);
    return [...found].sort((a, b) => a.rank - b.rank || a.index - b.index);
  };
  const owners = /* @__PURE__ */ new Map();
  const ownerOf = (file) => {
    if (owners.has(file)) return owners.get(file);
    const candidates2 = mayMatch(file);
    const first = candidates2.find((p) => p.matches(file));
    const owner = first && {
      target: first.target,
      rank: first.rank,
      paths: candidates2.filter((p) => p === first || p.target === first.target && p.index > first.index && p.matches(file))
    };
    owners.set(file, owner);
    return owner;
  };
  return { pathsOf: (target) => paths.get(target) ?? [], ownerOf, mayMatch };
}
var NO_OWNERS = { pathsOf: () => [], ownerOf: () => void 0, mayMatch: () => [] };
function node() {
  return { names: /* @__PURE__ */ new Map(), open: [], byLastStart: /* @__PURE__ */ new Map() };
}
function indexed(root, glob, path) {
  const names = glob.replace(/\/+$/, "").split("/");
  let at = root;
  let leading = 0;
  for (; leading < names.length; leading++) {
    const name = names[leading];
    if (name === "*") at = at.anyName ??= node();
    else if (PLAIN_NAME.test(name)) at = at.names.get(name) ?? at.names.set(name, node()).get(name);
    else break;
  }
  const start = leading < names.length && !GROUPING.test(glob) ? PLAIN_START.exec(names.at(-1))[0] : "";
  if (start === "") at.open.push(path);
  else (at.byLastStart.get(start) ?? at.byLastStart.set(start, []).get(start)).push(path);
  return path;
}
function collect(at, names, next, found) {
  for (const path of at.open) found.add(path);
  if (at.byLastStart.size > 0) {
    for (const name of names.slice(next)) {
      const plain = PLAIN_START.exec(name)[0];
      for (let end = 1; end <= plain.length; end++) for (const path of at.byLastStart.get(plain.slice(0, end)) ?? []) found.add(path);
    }
  }
  if (next === names.length) return;
  const named2 = at.names.get(names[next]);
  if (named2) collect(named2, names, next + 1, found);
  if (at.anyName) collect(at.anyName, names, next + 1, found);
}
function lazyMatcher(glob) {
  let matches;
  return (path) => (matches ??= pathMatcher([glob]))(path);
}

// src/engine/tree-path.ts
import { posix } from "node:path";
function repositoryPath(path) {
  return posix.normalize(`/${path}`).replace(/^\/+|\/+$/g, "");
}
function treeDirectory(path, treeRoot) {
  if (path === "" || path === treeRoot || treeRoot.startsWith(`${path}/`)) return "";
  if (treeRoot === "") return path;
  return path.startsWith(`${treeRoot}/`) ? path.slice(treeRoot.length + 1) : void 0;
}

// src/engine/flux-objects.ts
var API_VERSION = new RegExp(String.raw`^${escapeRegExp(FLUX_IMAGE)}(?:v1beta1|v1beta2|v1)$`);
var DEFAULT_NAMESPACE = "flux-system";
var DEFAULT_EXCLUSIONS = ["^.*\\.sig$"];
function mayHoldFluxObjects(text2) {
  return text2.includes(FLUX_IMAGE);
}
function withoutFluxImageObjects(text2) {
  if (!mayHoldFluxObjects(text2)) return text2;
  return lastBlanked.get(text2) ?? blankedFluxDocuments(text2, packageParse(text2, false).documents);
}
var lastBlanked = /* @__PURE__ */ new Map();
function blankedFluxDocuments(text2, docs) {
  let kept = "";
  let from = 0;
  for (const doc of docs) {
    const apiVersion = isMap(doc.contents) ? doc.contents.get("apiVersion") : void 0;
    if (typeof apiVersion !== "string" || !API_VERSION.test(apiVersion)) continue;
    const [start, , end] = doc.range;
    kept += text2.slice(from, start) + text2.slice(start, end).replace(/[^\r\n]/g, " ");
    from = end;
  }
  return kept + text2.slice(from);
}
function text(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}
var DocumentReader = class {
  constructor(file, doc, lines, warnings) {
    this.file = file;
    this.doc = doc;
    this.lines = lines;
    this.warnings = warnings;
  }
  file;
  doc;
  lines;
  warnings;
  line(path) {
    const root = this.doc.contents;
    const node2 = path.length > 0 && isMap(root) ? root.getIn(path, true) : void 0;
    return this.lines.linePos((node2 ?? root)?.range?.[0] ?? 0).line;
  }
  warn(path, message) {
    this.warnings.push({ file: this.file, line: this.line(path), message });
  }
  located(id) {
    return { file: this.file, line: this.line([]), id };
  }
  /** `id` names the object in warnings: `<namespace>/<name>`, each of them for one in several namespaces. */
  repository(id, spec) {
    const image = text(spec.image);
    if (image === void 0) {
      this.warn(["spec"], `ImageRepository ${id}: spec.image is missing`);
      return void 0;
    }
    let ref;
    try {
      ref = parseImageRef(image);
    } catch (error) {
      if (!(error instanceof ImageRefError)) throw error;
      this.warn(["spec", "image"], `ImageRepository ${id}: ${error.message}`);
      return void 0;
    }
    if (ref.tag !== void 0 || ref.digest !== void 0) {
      this.warn(["spec", "image"], `ImageRepository ${id}: spec.image ${JSON.stringify(image)} must name a repository without tag or digest`);
      return void 0;
    }
    const given = Array.isArray(spec.exclusionList) ? spec.exclusionList : [];
    const patterns = given.length > 0 ? given : DEFAULT_EXCLUSIONS;
    const exclusionList = [];
    for (const [i, pattern] of patterns.entries()) {
      try {
        if (typeof pattern !== "string") throw new GoRegexpError(String(pattern), "not a string");
        exclusionList.push(compileGoRegexp(pattern));
      } catch (error) {
        if (!(error instanceof GoRegexpError)) throw error;
        this.warn(["spec", "exclusionList", i], `ImageRepository ${id}: spec.exclusionList[${i}]: ${error.message}; the repository is ignored`);
        return void 0;
      }
    }
    return { name: ref.name, repository: ref.repository, exclusionList };
  }
  /**
   * Its update path says where markers belong, suspended or not. One not suspended here commits to
   * the same markers as gitops-promote, each run racing the other: `running` says so at its
   * `spec.suspend`, or at the object, for a run that changes a file under its path (runningAutomations).
   * A `flux suspend` changes the cluster only, which the tree cannot show: the file says it.
   */
  automation(id, spec, treeRoot) {
    const update = isRecord(spec.update) ? spec.update : {};
    const path = repositoryPath(text(update.path) ?? "");
    const running = spec.suspend === true ? void 0 : {
      file: this.file,
      line: this.line(spec.suspend === void 0 ? [] : ["spec", "suspend"]),
      message: `ImageUpdateAutomation ${id} is not suspended: Flux's controller and gitops-promote would both commit to the markers under ./${path}; set spec.suspend: true here, or remove the object (its ImagePolicy and ImageRepository objects stay)`,
      aside: true
    };
    return { path, treePath: treeDirectory(path, treeRoot), ...running && { running } };
  }
  /** `key` names its marker key (each of them) in warnings. */
  policy(id, key, spec) {
    const ref = isRecord(spec.imageRepositoryRef) ? spec.imageRepositoryRef : {};
    const repositoryName = text(ref.name);
    if (repositoryName === void 0) {
      this.warn(["spec"], `ImagePolicy ${id}: spec.imageRepositoryRef.name is missing; markers for ${key} are not mapped`);
      return void 0;
    }
    try {
      const policy = parsePolicy(spec.policy, `ImagePolicy ${id}`, spec.filterTags ?? void 0);
      return { policy, repositoryName, repositoryNamespace: text(ref.namespace) };
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error;
      for (const issue of error.issues) {
        const path = issue.path[0] === "filterTags" ? ["spec", ...issue.path] : ["spec", "policy", ...issue.path];
        this.warn(path, `ImagePolicy ${id}: ${path.join(".")}: ${issue.message}; markers for ${key} are not mapped`);
      }
      return void 0;
    }
  }
};
function fluxSetters(docs, treeRoot = "", builtInto = () => []) {
  const warnings = [];
  const repositories = /* @__PURE__ */ new Map();
  const policies = [];
  const automations = [];
  const blanked = /* @__PURE__ */ new Map();
  for (const { file, text: source } of docs) {
    if (!mayHoldFluxObjects(source)) continue;
    const { documents: parsed, lines } = packageDocuments(source);
    blanked.set(source, blankedFluxDocuments(source, parsed));
    for (const doc of parsed) {
      if (doc.errors.length > 0) {
        const error = doc.errors[0];
        warnings.push({
          file,
          // An error found at the very end (an unclosed brace) is reported on the last line, not after it.
          line: lines.linePos(Math.min(error.pos[0], source.trimEnd().length)).line,
          message: `not valid YAML (${error.message.split("\n")[0]}); Flux objects in it are ignored`
        });
        continue;
      }
      let object;
      try {
        object = doc.toJS({ maxAliasCount: 100 });
      } catch (error) {
        if (!(error instanceof ReferenceError)) throw error;
        warnings.push({
          file,
          line: lines.linePos(doc.range[0]).line,
          message: `YAML aliases not expanded (${error.message}); Flux objects in it are ignored`
        });
        continue;
      }
      if (!isRecord(object) || !isRecord(object.metadata) || !isRecord(object.spec)) continue;
      const { apiVersion, kind: kind2, metadata, spec } = object;
      if (kind2 !== "ImageRepository" && kind2 !== "ImagePolicy" && kind2 !== "ImageUpdateAutomation") continue;
      if (typeof apiVersion !== "string" || !API_VERSION.test(apiVersion)) continue;
      const reader = new DocumentReader(file, doc, lines, warnings);
      const name = text(metadata.name);
      if (name === void 0) {
        reader.warn(["metadata"], `${kind2} without metadata.name is ignored`);
        continue;
      }
      const namespaces = objectNamespaces(builtInto(file), text(metadata.namespace));
      const idIn = (namespace) => `${namespace}/${name}`;
      const ids = andList(namespaces.map(({ namespace }) => idIn(namespace)));
      if (kind2 === "ImageRepository") {
        const scanned = reader.repository(ids, spec);
        if (!scanned) continue;
        for (const { namespace } of namespaces) {
          const id = idIn(namespace);
          appendTo(repositories, id, { ...reader.located(id), ...scanned });
        }
      } else if (kind2 === "ImagePolicy") {
        const read = reader.policy(ids, andList(namespaces.map(({ namespace }) => `${namespace}:${name}`)), spec);
        if (!read) continue;
        const { policy, repositoryName, repositoryNamespace } = read;
        for (const { namespace, by } of namespaces) {
          const repositoryId = `${repositoryNamespace ?? namespace}/${repositoryName}`;
          policies.push({ ...reader.located(idIn(namespace)), key: `${namespace}:${name}`, repositoryId, policy, ...by && { namespacedBy: by } });
        }
      } else {
        const automation = reader.automation(ids, spec, treeRoot);
        automations.push(...namespaces.map(({ namespace }) => ({ ...reader.located(idIn(namespace)), namespace, ...automation })));
      }
    }
  }
  const setters = /* @__PURE__ */ new Map();
  const nearestRepositories = /* @__PURE__ */ new Map();
  const repositoryIdentity = (r) => JSON.stringify([r.name, r.exclusionList.map((re) => re.source)]);
  for (const policy of policies) {
    let nearest = nearestRepositories.get(policy.repositoryId);
    if (!nearest) nearestRepositories.set(policy.repositoryId, nearest = nearestIndex(repositories.get(policy.repositoryId) ?? [], repositoryIdentity));
    const [repository, ...tied] = nearest([policy.file]);
    if (!repository || tied.length > 0) {
      const found = tied.length > 0 ? `defined differently at ${where([repository, ...tied])}, equally near it` : "not found";
      warnings.push({
        file: policy.file,
        line: policy.line,
        message: `ImagePolicy ${policy.id}: ImageRepository ${policy.repositoryId} ${found}; markers for ${policy.key} are not mapped`
      });
      continue;
    }
    const setter = { name: repository.name, repository: repository.repository, policy: policy.policy, exclusionList: repository.exclusionList };
    const namespacedBy = policy.namespacedBy && { namespacedBy: policy.namespacedBy };
    appendTo(setters, policy.key, { ...setter, file: policy.file, line: policy.line, ...namespacedBy });
  }
  lastBlanked = blanked;
  return { setters, automations, warnings };
}
function objectNamespaces(built, own) {
  const kept = { namespace: own ?? DEFAULT_NAMESPACE };
  const all = built.length === 0 ? [kept] : built.map((b) => b.namespace === void 0 ? kept : { namespace: b.namespace, ...b.by && { by: b.by } });
  return [...new Map(all.map((n) => [n.namespace, n])).values()];
}
function nearestSetters(from, setters) {
  return nearestOf(setters)(from);
}
function nearestOf(setters) {
  return nearestIndex(setters, (s) => JSON.stringify([s.name, s.policy.description, s.exclusionList.map((re) => re.source)]));
}
function nearestIndex(definitions, identity) {
  const under = /* @__PURE__ */ new Map();
  for (const definition2 of definitions) {
    const entry = { definition: definition2, identity: identity(definition2) };
    for (const directory of directoriesAbove(definition2.file)) appendTo(under, directory, entry);
  }
  return (from) => {
    const byIdentity = /* @__PURE__ */ new Map();
    for (const path of from) {
      const above = directoriesAbove(path);
      let nearest;
      for (let i = above.length - 1; nearest === void 0 && i >= 0; i--) nearest = under.get(above[i]);
      for (const { definition: definition2, identity: identity2 } of nearest ?? []) if (!byIdentity.has(identity2)) byIdentity.set(identity2, definition2);
    }
    return [...byIdentity.values()];
  };
}
function appendTo(lists, key, value) {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}
function directoriesAbove(file) {
  const above = [""];
  for (let end = file.indexOf("/"); end >= 0; end = file.indexOf("/", end + 1)) above.push(file.slice(0, end + 1));
  return above;
}
function updatesFile({ treePath }, file) {
  return treePath !== void 0 && (treePath === "" || file === treePath || file.startsWith(`${treePath}/`));
}
function runningAutomations(automations, changed) {
  return [...new Set(automations.flatMap((a) => a.running && changed.some((file) => updatesFile(a, file)) ? [a.running] : []))];
}
function where(objects) {
  return andList(objects.map((o) => `${o.file}:${o.line}`));
}

// src/engine/holding-key.ts
var MAX_LINES = 256;
var KEY_BEFORE_VALUE = /(?:^[ \t]*(?:-[ \t]+)*|([{,])[ \t]*)(["']?)([\w.$/-]+)\2[ \t]*(?::|=)[ \t]*["']?$/;
var KEY = /^(["']?)([\w.$/-]+)\1[ \t]*(?::(?=[ \t]|$)|=)[ \t]*(.*)$/;
function holdingKey(text2, at) {
  const lineStart = text2.lastIndexOf("\n", at - 1) + 1;
  const lineEnd = endOf(text2, at);
  const match = KEY_BEFORE_VALUE.exec(text2.slice(lineStart, at));
  if (!match) return void 0;
  const key = match[3];
  let siblings;
  return {
    key,
    rest: text2.slice(at, lineEnd),
    siblings: () => siblings ??= match[1] !== void 0 ? flowSiblings(text2, at, lineStart, lineEnd) : blockSiblings(text2, lineStart)
  };
}
function endOf(text2, at) {
  const end = text2.indexOf("\n", at);
  return end === -1 ? text2.length : end;
}
function flowSiblings(text2, at, lineStart, lineEnd) {
  let open = at;
  for (let depth = 0; open > lineStart; open--) {
    const ch = text2[open - 1];
    if (ch === "}") depth++;
    else if (ch === "{" && depth-- === 0) break;
  }
  let close = at;
  for (let depth = 0; close < lineEnd; close++) {
    const ch = text2[close];
    if (ch === "{") depth++;
    else if (ch === "}" && depth-- === 0) break;
  }
  const keys = /* @__PURE__ */ new Map();
  for (const part of text2.slice(open, close).split(",")) {
    const entry = KEY.exec(part.trim());
    if (entry) keys.set(entry[2], unquoted(entry[3]));
  }
  return keys;
}
function blockSiblings(text2, lineStart) {
  const own = lineOf(text2, lineStart);
  const { column } = own;
  const keys = /* @__PURE__ */ new Map();
  if (own.key !== void 0) keys.set(own.key, own.value);
  const outside = (start) => {
    const first = textStart(text2, start);
    if (first === void 0 || first - start > column) return void 0;
    const line = lineOf(text2, start);
    return line.dashed && line.first === column ? void 0 : line;
  };
  for (let end = own.dashed ? -1 : lineStart - 1, n = 0; end >= 0 && n < MAX_LINES; n++) {
    const start = end === 0 ? 0 : text2.lastIndexOf("\n", end - 1) + 1;
    end = start - 1;
    const line = outside(start);
    if (line === void 0) continue;
    if (line.column === column && line.key !== void 0) keys.set(line.key, line.value);
    if (line.first < column) break;
  }
  for (let start = endOf(text2, lineStart) + 1, n = 0; start < text2.length && n < MAX_LINES; start = endOf(text2, start) + 1, n++) {
    const line = outside(start);
    if (line === void 0) continue;
    if (line.first < column) break;
    if (line.key !== void 0) keys.set(line.key, line.value);
  }
  return keys;
}
function textStart(text2, start) {
  let at = start;
  while (text2[at] === " " || text2[at] === "	") at++;
  const ch = text2[at];
  return ch === void 0 || ch === "\n" || ch === "\r" || ch === "#" ? void 0 : at;
}
function lineOf(text2, start) {
  const line = text2.slice(start, endOf(text2, start)).replace(/\r$/, "");
  const lead = /^([ \t]*)((?:-[ \t]+)*)/.exec(line);
  const first = lead[1].length;
  const column = first + lead[2].length;
  if (column === line.length || line[column] === "#") return { column, dashed: false, value: "" };
  const entry = KEY.exec(line.slice(column));
  return { first, column, dashed: lead[2] !== "", key: entry?.[2], value: unquoted(entry?.[3] ?? "") };
}
function unquoted(value) {
  return value.replace(/[ \t]+#.*$/, "").trim().replace(/,$/, "").replace(/^(["'])(.*)\1$/, "$2");
}

// src/engine/image-updater.ts
var GROUP_PATTERN = escapeRegExp(ARGO_IMAGE_UPDATER);
var ANNOTATION = new RegExp(String.raw`^[ \t]*(["']?)${GROUP_PATTERN}([\w.-]+)\1\s*:(.*)$`);
var OWN_API = new RegExp(String.raw`^apiVersion:\s*["']?${GROUP_PATTERN}`);
var IMAGE_NAME = /^\s*(?:-\s+)?imageName:\s*(.*)$/;
var UPDATE_STRATEGY = /updateStrategy["']?:\s*["']?([\w-]*)/;
function withoutImageUpdater(text2) {
  if (!text2.includes(ARGO_IMAGE_UPDATER)) return text2;
  const lines = text2.split("\n");
  for (const document of documents(lines)) {
    if (document.some((i) => OWN_API.test(lines[i]))) {
      for (const i of document) lines[i] = blank(lines[i]);
      continue;
    }
    for (let k = 0; k < document.length; k++) {
      const i = document[k];
      const match = ANNOTATION.exec(lines[i]);
      if (!match) continue;
      const value = lines[i].length - match[3].length;
      const indent = indentOf(lines[i]);
      lines[i] = lines[i].slice(0, value) + blank(lines[i].slice(value));
      while (k + 1 < document.length && continues(lines[document[k + 1]], indent)) {
        k++;
        lines[document[k]] = blank(lines[document[k]]);
      }
    }
  }
  return lines.join("\n");
}
function warnImageUpdaterConstraints(images, texts, changes, ruleOf, warnings) {
  const written = images.filter((image) => image.tag !== void 0 && changes.some((change) => writes(change, image)));
  if (written.length === 0) return;
  for (const [path, text2] of texts) {
    if (!text2.includes(ARGO_IMAGE_UPDATER)) continue;
    for (const constraint of constraintsIn(text2)) {
      for (const image of written) {
        if (constraint.repository !== image.repository || constraint.policy.latest([image.tag]) !== void 0) continue;
        const files = constraint.object ? changes.filter((change) => writes(change, image)).map((change) => change.file) : [path];
        const rules = new Map(files.map((file) => ruleOf(file, image)).map((rule) => [rule?.target, rule]));
        for (const rule of rules.values()) {
          if (rule?.refused) continue;
          const advice = rule?.allowed.policy ? `target ${rule.target}'s policy (${rule.allowed.policy.description}) admits it, and gitops-promote does not read the ${constraint.object ? "ImageUpdater object" : "annotation"}: if that is meant, remove it` : `gitops-promote does not read it: give it as ${rule ? `target ${rule.target}'s` : "a target"} policy, semver: {range: "${constraint.range}"}`;
          warnings.push({
            file: path,
            line: constraint.line,
            message: `${image.repository} moves to ${image.tag}, which argocd-image-updater's constraint ${constraint.range} (${constraint.where}) does not allow; ${advice}`
          });
        }
      }
    }
  }
}
function writes(change, image) {
  const value = change.new.slice(change.new.lastIndexOf("=") + 1).replace(/^\*:/, "");
  if (value === image.tag || value.startsWith(`${image.tag}@`)) return true;
  const ref = tryParseImageRef(value);
  return ref?.repository === image.repository && ref.tag === image.tag;
}
function constraintsIn(text2) {
  const lines = text2.split("\n");
  const found = [];
  for (const document of documents(lines)) {
    if (document.some((i) => OWN_API.test(lines[i]))) {
      if (document.some((i) => (UPDATE_STRATEGY.exec(lines[i])?.[1] ?? "semver") !== "semver")) continue;
      for (const i of document) {
        const match = IMAGE_NAME.exec(lines[i]);
        const constraint = match && constraintOf(unquoted2(match[1]), "object", i + 1);
        if (constraint) found.push(constraint);
      }
      continue;
    }
    const annotations = /* @__PURE__ */ new Map();
    for (const i of document) {
      const match = ANNOTATION.exec(lines[i]);
      if (match) annotations.set(match[2], { value: unquoted2(match[3]), line: i + 1 });
    }
    const list = annotations.get("image-list");
    if (!list) continue;
    for (const entry of list.value.split(",")) {
      const eq = entry.indexOf("=");
      const alias = eq === -1 ? void 0 : entry.slice(0, eq).trim();
      const strategy = alias === void 0 ? void 0 : annotations.get(`${alias}.update-strategy`)?.value;
      if (strategy !== void 0 && strategy !== "semver") continue;
      const constraint = constraintOf(entry.slice(eq + 1).trim(), "annotation", list.line);
      if (constraint) found.push(constraint);
    }
  }
  return found;
}
function constraintOf(image, source, line) {
  const colon = image.lastIndexOf(":");
  if (colon <= image.lastIndexOf("/")) return void 0;
  const repository = normalizeRepository(image.slice(0, colon));
  const range = image.slice(colon + 1);
  if (!repository || range === "") return void 0;
  try {
    const where2 = source === "object" ? "its imageName" : "its image-list annotation";
    return { repository, range, policy: parsePolicy({ semver: { range } }), where: where2, object: source === "object", line };
  } catch (error) {
    if (error instanceof PolicyError) return void 0;
    throw error;
  }
}
function documents(lines) {
  const all = [[]];
  lines.forEach((line, i) => line.startsWith("---") ? all.push([]) : all[all.length - 1].push(i));
  return all;
}
function continues(line, indent) {
  return /^[ \t]*\r?$/.test(line) || indentOf(line) > indent;
}
function blank(text2) {
  return text2.replace(/[^\r]/g, " ");
}
function unquoted2(value) {
  const text2 = value.replace(/\s+#.*$/, "").trim();
  return /^(["']).*\1$/.test(text2) ? text2.slice(1, -1) : text2;
}

// src/engine/image-spelling.ts
function deployedText(text2) {
  return withoutFluxImageObjects(withoutImageUpdater(text2));
}
function spelledAt(text2, image) {
  return spellingsOf(text2, image).find(({ bare, ref }) => bare || ref === void 0 || ref.repository === image.repository)?.at;
}
function spellingsOf(text2, image) {
  const found = [];
  for (const match of text2.matchAll(new RegExp(`(?<![\\w.-])${escapeRegExp(screenToken(image))}(?:[:@][\\w.@:+-]+|(?![\\w./-]|["']?:(?:\\s|$)))`, "gm"))) {
    const before = text2.slice(referenceStart(text2, match.index), match.index);
    const reference = `${before}${match[0]}`.replace(/[.:]+$/, "");
    const ref = tryParseImageRef(reference);
    const bare = before === "";
    if (bare && ref?.tag === void 0 && ref?.digest === void 0 && !mayNameImage(text2, match.index, match.index + match[0].length, reference, image))
      continue;
    found.push({ at: match.index - before.length, reference, ref, bare });
  }
  return found;
}
function mayNameImage(text2, at, end, path, image) {
  if (text2[end] === "=") {
    const version = namedImageString(/^[^\s"'`,;()[\]{}]*/.exec(text2.slice(at, at + 512))[0])?.version;
    return version?.tag !== void 0 || version?.digest !== void 0;
  }
  const holding3 = holdingKey(text2, at);
  if (holding3 === void 0) return false;
  const { key } = holding3;
  if (holding3.rest.includes("$imagepolicy")) return true;
  if ((key === "repository" || key === "name") && !text2.includes("imageRegistry") && !besideRegistry(path, holding3.siblings().get("registry"), image))
    return false;
  if (/(?:image|repository)$/i.test(key) || key === "newName") return true;
  if (key === "name") return VERSION_KEYS.some((version) => holding3.siblings().has(version));
  return key === "value" && /(?:^|\.)(?:repository|name)$/.test(holding3.siblings().get("name") ?? "");
}
function besideRegistry(path, registry, image) {
  if (registry === void 0 || readsAsNone(registry)) return true;
  if (!/^(?:[\w-]+(?:[.:][\w-]+)+|localhost)$/.test(registry)) return true;
  return tryParseImageRef(`${registry}/${path}`)?.repository === image.repository;
}
function readsAsNone(registry) {
  return nonStringType(registry) === "null" || registry === "None" || registry === "Undefined";
}
var VERSION_KEYS = ["tag", "digest", "newTag", "newName"];
function referenceStart(text2, at) {
  const least = Math.max(0, at - 256);
  let start = at;
  while (start > least && !REFERENCE_DELIMITER.test(text2[start - 1])) start--;
  return start;
}
var REFERENCE_DELIMITER = /[\s"'`=,;()[\]{}]/;
function holdsVersionOf(ref, image) {
  if (ref.tag !== void 0 && image.tag !== void 0 && ref.tag !== image.tag) return false;
  if (ref.digest !== void 0 && image.digest !== void 0 && ref.digest !== image.digest) return false;
  return image.tag !== void 0 && ref.tag !== void 0 || image.digest !== void 0 && ref.digest !== void 0;
}

// src/engine/file-markers.ts
function fileMarkers(path, text2) {
  return markersOf(path, text2, false);
}
function misplacedMarkers(path, text2) {
  return markersOf(path, text2, true);
}
function markersOf(path, text2, misplaced) {
  if (!text2.includes(MARKER_TOKEN)) return [];
  switch (fileKind(path)) {
    case "yaml":
      return yamlMarkers(text2, misplaced);
    case "kcl":
      return kclMarkers(text2, misplaced);
    default:
      return [];
  }
}
function marksOf(path, text2) {
  let keys;
  return (key) => (keys ??= new Set(fileMarkers(path, text2).map(({ marker }) => marker.key))).has(key);
}

// src/engine/targets.ts
function targetsInScope(config, names) {
  const all = config?.targets ?? [];
  if (!names || names.length === 0) return all;
  const unknown = names.filter((name) => !all.some((t) => t.name === name));
  if (unknown.length > 0) {
    throw new RequestError(
      unknown.map((name) => ({ message: `targets: no target named ${quotedExcerpt(name)} (configured: ${all.map((t) => t.name).join(", ") || "none"})` }))
    );
  }
  return all.filter((t) => names.includes(t.name));
}
function targetOf(targets) {
  const { ownerOf } = targetOwners(targets);
  return (path) => ownerOf(path)?.target;
}
function warnIdlePaths(configured, targets, files, configPath, warnings) {
  const owners = targetOwners(configured);
  const idle = new Map(targets.flatMap(owners.pathsOf).map((path) => [path, []]));
  for (const file of files) for (const path of owners.ownerOf(file)?.paths ?? []) idle.delete(path);
  if (idle.size === 0) return;
  for (const file of files) {
    const owner = owners.ownerOf(file);
    if (owner === void 0) continue;
    for (const path of owners.mayMatch(file)) if (path.rank > owner.rank && idle.has(path) && path.matches(file)) idle.get(path).push(owner);
  }
  for (const [{ target, rank, index: index2 }, shadowed] of idle) {
    const said = (what) => {
      warnings.push({
        file: configPath,
        ...target.pathLines[index2] !== void 0 && { line: target.pathLines[index2] },
        message: `targets[${rank}].paths[${index2}]: ${JSON.stringify(target.paths[index2])} ${what}`
      });
    };
    if (shadowed.length === 0) {
      said("matches no file; fix or remove it");
      continue;
    }
    const takers = [...new Set(shadowed.map((owner) => owner.target))];
    const by = takers.map((taker) => {
      const taking = shadowed.reduce((first, owner) => owner.target === taker ? Math.min(first, owner.paths[0].index) : first, Infinity);
      return `${taker.name} (${JSON.stringify(taker.paths[taking])})`;
    });
    const one = takers.length === 1;
    said(
      `matches only files the earlier ${one ? "target" : "targets"} ${andList(by)} ${one ? "takes" : "take"} first; narrow ${one ? "that" : "those"}, or list ${target.name} first`
    );
  }
}
function allowance(target, image) {
  const allowed = target.images.find((a) => a.repository === image.repository);
  if (!allowed) return { refused: "unlisted" };
  const { policy } = allowed;
  return policy !== void 0 && image.tag !== void 0 && policy.latest([image.tag]) === void 0 ? { allowed: { ...allowed, policy }, refused: "policy" } : { allowed };
}
function imagesFor(images, config, target, allowDowngrade) {
  if (!config || config.targets.length === 0) return images.map((image) => ({ image, allowDowngrade }));
  if (!target) return [];
  return images.flatMap((image) => {
    const { allowed } = allowance(target, image);
    return allowed ? [{ image, ...allowed.policy && { policy: allowed.policy }, allowDowngrade }] : [];
  });
}
function settersFor(setters, target) {
  if (!target) return setters;
  const kept = /* @__PURE__ */ new Map();
  for (const [key, update] of setters) {
    const { allowed } = allowance(target, update.image);
    if (!allowed) continue;
    const policy = update.policy && allowed.policy ? within(update.policy, allowed.policy) : update.policy ?? allowed.policy;
    kept.set(key, { ...update, ...policy && { policy } });
  }
  return kept;
}
function within(policy, bounds) {
  if (policy.description === bounds.description) return policy;
  return {
    description: `${policy.description} within ${bounds.description}`,
    latest: (tags) => policy.latest(tags.filter((tag) => bounds.latest([tag]) !== void 0)),
    // Ranked by the marker's own order, so a move down past the bounds is still told.
    ...(policy.compare ?? bounds.compare) && { compare: policy.compare ?? bounds.compare }
  };
}
var LISTED = 5;
function warnRefusedImages(images, targets, ownerOf, files, reachOf, warnings) {
  const inTargets = [...files].flatMap(([path, text2]) => {
    const target = ownerOf(path);
    return target ? [{ path, text: text2, target }] : [];
  });
  for (const { image, byRepository: byRepository2 } of images) {
    const refusing = [];
    const held = [];
    for (const target of targets) {
      const allows = allowance(target, image);
      if (allows.refused === "unlisted") {
        const at = inTargets.filter((file) => file.target === target).flatMap(({ path, text: text2 }) => placeHolding(path, text2, image, byRepository2, reachOf(path)));
        if (at.length > 0) refusing.push(target.name);
        held.push(...at);
      } else if (allows.refused === "policy" && inTargets.some((file) => file.target === target)) {
        warnings.push({
          message: `target ${target.name}: ${formatImageRef(image)} is outside its policy (${allows.allowed.policy.description}); not edited there`,
          kind: "policy-refusal"
        });
      }
    }
    if (refusing.length === 0) continue;
    const which = refusing.length === 1 ? `target ${refusing[0]} does not allow` : `targets ${refusing.join(", ")} do not allow`;
    warnings.push({ message: `${which} ${image.repository}; not edited in ${cappedList(held, LISTED)}` });
  }
}
function placeHolding(path, raw, image, byRepository2, reach) {
  const text2 = deployedText(raw);
  const keys = new Set([...reach.setters].filter(([, update]) => update.image.repository === image.repository).map(([key]) => key));
  const spelt = byRepository2 ? spelledAt(text2, image) : void 0;
  const marked = keys.size > 0 ? fileMarkers(path, text2).find(({ marker }) => keys.has(marker.key))?.line : void 0;
  const line = Math.min(spelt === void 0 ? Infinity : lineAt(text2, spelt), marked ?? Infinity);
  return line === Infinity ? [] : [`${path}:${line}`];
}

// src/engine/config.ts
var NO_CONFIG = "none";
var CONFIG_NOT_UTF8 = "not UTF-8 text, so none of it can be read; save the configuration as UTF-8";
var DELIVERY_MODES = ["push", "pull-request", "none"];
var MERGE_MODES = ["none", "auto", "immediate"];
var MERGE_METHODS = ["merge", "squash", "rebase"];
var OVERRIDE_PARTS = ["tag"];
var ConfigError = class extends Error {
  /**
   * `issues`: on their file and line, each message `<path>: <what is wrong>`, in file order; the
   * error's message lists them, each after its file and line (`line 3: ` when the text has no file name).
   * `config`: what could be read, the entries in error left out, for checks of the tree (an
   * override's file) to report with these rather than in a second round once they are fixed.
   */
  constructor(issues, config) {
    super(issues.map(formatIssue).join("\n"));
    this.issues = issues;
    this.config = config;
    this.name = "ConfigError";
  }
  issues;
  config;
};
function formatIssue(issue) {
  return issue.file === void 0 && issue.line !== void 0 ? `line ${issue.line}: ${issue.message}` : formatDiagnostic(issue);
}
var SETTER_KEY2 = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?:[a-z0-9](?:[-a-z0-9.]*[a-z0-9])?$/;
var TARGET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
var TARGET_NAME_RULE = "must start with a letter or digit and hold only letters, digits, '.', '_' and '-'";
var Reader2 = class {
  /** `lines` undefined: the document was made from an object, whose nodes have no place in a text. */
  constructor(file, doc, lines) {
    this.file = file;
    this.doc = doc;
    this.lines = lines;
  }
  file;
  doc;
  lines;
  issues = [];
  /** An issue at `node`, or `below` lines under its first (a line of a block scalar). */
  issue(node2, path, message, below = 0) {
    const offset = node2?.range?.[0] ?? 0;
    const at = this.line(node2);
    const line = at === void 0 ? void 0 : at + below;
    const where2 = { ...this.file !== void 0 && { file: this.file }, ...line !== void 0 && { line } };
    this.issues.push({ offset, issue: { ...where2, message: `${path ? `${path}: ` : ""}${message}` } });
  }
  line(node2) {
    return this.lines?.linePos(node2?.range?.[0] ?? 0).line;
  }
  /** A place named for a later message: `targets[0]`, with its line when there is one. */
  place(path, node2) {
    const line = this.line(node2);
    return line === void 0 ? path : `${path}, line ${line}`;
  }
  /** The node an alias names; an alias naming no anchor before it stays itself, to be said as such (describe) at its own line. */
  resolve(node2) {
    return isAlias(node2) ? node2.resolve(this.doc) ?? node2 : node2;
  }
  /** The key/value pairs of a mapping with only `allowed` keys, or undefined after an issue. */
  mapping(node2, at, path, allowed) {
    const resolved = this.resolve(node2);
    if (!isMap(resolved)) {
      this.issue(resolved ?? at, path, `must be a mapping${allowed.length > 0 ? ` with ${allowed.join(", ")}` : ""}, not ${describe(resolved)}`);
      return void 0;
    }
    return this.entries(resolved, path, allowed);
  }
  entries(map2, path, allowed) {
    const entries = /* @__PURE__ */ new Map();
    for (const pair of map2.items) {
      const key = pair.key;
      const name = isScalar(key) ? key.value : void 0;
      if (typeof name !== "string") {
        this.issue(key, path, `keys must be strings, not ${describe(key)}`);
        continue;
      }
      if (allowed && !allowed.includes(name)) {
        const merge2 = name === "<<" ? "a YAML merge key, which the configuration does not read: write the keys out, or alias a whole value (`policy: *name`); " : "";
        this.issue(key, join(path, name), `${merge2}unknown key (expected ${allowed.join(", ")})`);
        continue;
      }
      const earlier = entries.get(name);
      if (earlier) {
        this.issue(key, join(path, name), `duplicate key (first at line ${this.line(earlier.key)})`);
        continue;
      }
      entries.set(name, { key, value: this.resolve(pair.value) });
    }
    return entries;
  }
  /** A required or optional field's value node, reporting a missing required one at `owner`. */
  field(entries, owner, path, key, required) {
    const entry = entries.get(key);
    if (!entry) {
      if (required) this.issue(owner, path, `${key} is required`);
      return void 0;
    }
    return { node: entry.value, at: entry.key };
  }
  string(node2, at, path) {
    if (isScalar(node2) && typeof node2.value === "string") {
      if (node2.value.trim() === "") this.issue(node2, path, "must not be empty");
      else return node2.value;
      return void 0;
    }
    const hint = isScalar(node2) && (typeof node2.value === "number" || typeof node2.value === "boolean") ? ` (quote it: "${node2.source ?? String(node2.value)}")` : "";
    this.issue(node2 ?? at, path, `must be a string, not ${describe(node2)}${hint}`);
    return void 0;
  }
  /** The strings of a list, each that is one held to `check` (said at its line) when given: every item is said at once, not up to the first refused. */
  strings(node2, at, path, nonEmpty, check) {
    if (!isSeq(node2)) {
      this.issue(node2 ?? at, path, `must be a list of strings, not ${describe(node2)}`);
      return void 0;
    }
    if (nonEmpty && node2.items.length === 0) {
      this.issue(node2, path, "must not be empty");
      return void 0;
    }
    const values = node2.items.map((item, i) => {
      const value = this.string(this.resolve(item), node2, `${path}[${i}]`);
      return value !== void 0 && (!check || check(value, item, `${path}[${i}]`)) ? value : void 0;
    });
    return values.every((v) => v !== void 0) ? values : void 0;
  }
  oneOf(node2, at, path, allowed) {
    const other = otherScalar(node2);
    if (other !== void 0) {
      this.issue(node2, path, `must be one of ${allowed.join(", ")}, not ${other}`);
      return void 0;
    }
    const value = this.string(node2, at, path);
    if (value === void 0) return void 0;
    if (allowed.includes(value)) return value;
    this.issue(node2, path, `must be one of ${allowed.join(", ")}, not ${JSON.stringify(value)}`);
    return void 0;
  }
  boolean(node2, at, path) {
    if (isScalar(node2) && typeof node2.value === "boolean") return node2.value;
    this.issue(node2 ?? at, path, `must be true or false, not ${describe(node2)}`);
    return void 0;
  }
  /**
   * A commit-message template that parses (checkTemplate). What is wrong is said at the template's
   * line in the file where a literal block (`|`) keeps its lines as the file's, one under its header,
   * or the template's first line is the value's; elsewhere with the line in the template.
   */
  template(node2, at, path) {
    const text2 = this.string(node2, at, path);
    if (text2 === void 0) return void 0;
    try {
      checkTemplate(text2);
      return text2;
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      const literal2 = isScalar(node2) && node2.type === Scalar.BLOCK_LITERAL;
      if (this.line(node2) !== void 0 && (literal2 || error.line === 1)) this.issue(node2, path, error.reason, literal2 ? error.line : 0);
      else this.issue(node2, path, `template line ${error.line}: ${error.reason}`);
      return void 0;
    }
  }
  /** A repository without tag or digest: `{ name as written, canonical repository }`. */
  repository(node2, at, path) {
    const text2 = this.string(node2, at, path);
    if (text2 === void 0) return void 0;
    try {
      const ref = parseImageRef(text2);
      if (ref.tag !== void 0 || ref.digest !== void 0) {
        this.issue(
          node2,
          path,
          `${JSON.stringify(text2)} has a ${ref.tag !== void 0 ? "tag" : "digest"}; give the repository only (the incoming image brings the version)`
        );
        return void 0;
      }
      return { name: ref.name, repository: ref.repository };
    } catch (error) {
      if (!(error instanceof ImageRefError)) throw error;
      this.issue(node2, path, error.message);
      return void 0;
    }
  }
  /** A path inside the repository, `/`-separated (slashSeparated): relative, no `..`. */
  relativePath(value, node2, path) {
    if (value.startsWith("/") || /^[A-Za-z]:\//.test(value)) this.issue(node2, path, `must be relative to the repository root, not ${JSON.stringify(value)}`);
    else if (value.split("/").includes("..")) this.issue(node2, path, `must stay inside the repository (no ".."): ${JSON.stringify(value)}`);
    else return true;
    return false;
  }
  policy(node2, at, path) {
    const pattern = isMap(node2) ? node2.getIn(["filterTags", "pattern"], true) : void 0;
    const prefixed = isScalar(pattern) && typeof pattern.value === "string" && pattern.value.startsWith("regexp:");
    if (prefixed) this.issue(pattern, join(path, "filterTags", "pattern"), "`regexp:` is argocd-image-updater's prefix; filterTags takes the bare expression");
    try {
      const policy = parsePolicy(node2?.toJS(this.doc) ?? null);
      return prefixed || !this.extractReadsGroups(node2, path) ? void 0 : policy;
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error;
      for (const issue of error.issues) {
        const located2 = isMap(node2) ? node2.getIn(issue.path, true) : void 0;
        this.issue(located2 ?? node2 ?? at, join(path, ...issue.path), issue.message);
      }
      return void 0;
    }
  }
  /**
   * Whether filterTags' `extract` names only groups its (valid) pattern has: Flux expands `$nope` to nothing, so every
   * tag would rank as "", and the policy would refuse every tag (numerical) or pick one by chance, found only at a run.
   */
  extractReadsGroups(node2, path) {
    const pattern = isMap(node2) ? node2.getIn(["filterTags", "pattern"]) : void 0;
    const extract = isMap(node2) ? node2.getIn(["filterTags", "extract"], true) : void 0;
    if (typeof pattern !== "string" || !isScalar(extract) || typeof extract.value !== "string") return true;
    const re = compileGoRegexp(pattern);
    const unknown = unknownGroups(re, extract.value);
    if (unknown.length === 0) return true;
    const groups = re.groupNames.slice(1).map((name, i) => name ?? `${i + 1}`);
    this.issue(
      extract,
      join(path, "filterTags", "extract"),
      `${andList(unknown)} ${unknown.length === 1 ? "names" : "name"} no group of the pattern (${groups.length === 0 ? "it has none" : `its groups: ${groups.map((g) => `$${g}`).join(", ")}`}), so it expands to nothing for every tag`
    );
    return false;
  }
};
function join(path, ...keys) {
  return keys.reduce((p, key) => /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? `${p}${p ? "." : ""}${key}` : `${p}[${JSON.stringify(key)}]`, path);
}
function otherScalar(node2) {
  return isScalar(node2) && node2.value !== null && typeof node2.value !== "string" ? describe(node2) : void 0;
}
function describe(node2) {
  if (isAlias(node2)) return `*${node2.source}, an alias with no anchor &${node2.source} before it`;
  if (isMap(node2)) return "a mapping";
  if (isSeq(node2)) return "a list";
  if (!isScalar(node2) || node2.value === null) return "nothing";
  return `${typeof node2.value === "string" ? "a string" : `a ${typeof node2.value}`} (${node2.source ?? String(node2.value)})`;
}
function readDelivery(r, node2, at, path) {
  const keys = ["mode", "merge", "merge-method", "branch", "labels", "reviewers", "team-reviewers", "assignees", "draft", "title", "commit-message"];
  const entries = r.mapping(node2, at, path, keys);
  if (!entries) return void 0;
  const get = (key) => r.field(entries, node2, path, key, false);
  const mode = get("mode");
  const merge2 = get("merge");
  const mergeMethod = get("merge-method");
  const branch = get("branch");
  const labels = get("labels");
  const reviewers = get("reviewers");
  const teamReviewers = get("team-reviewers");
  const assignees = get("assignees");
  const draft = get("draft");
  const title2 = get("title");
  const commitMessage2 = get("commit-message");
  const delivery = {
    ...mode && { mode: r.oneOf(mode.node, mode.at, join(path, "mode"), DELIVERY_MODES) },
    ...merge2 && { merge: r.oneOf(merge2.node, merge2.at, join(path, "merge"), MERGE_MODES) },
    ...mergeMethod && { mergeMethod: r.oneOf(mergeMethod.node, mergeMethod.at, join(path, "merge-method"), MERGE_METHODS) },
    ...branch && { branch: r.string(branch.node, branch.at, join(path, "branch")) },
    ...labels && { labels: r.strings(labels.node, labels.at, join(path, "labels"), false) },
    ...reviewers && { reviewers: r.strings(reviewers.node, reviewers.at, join(path, "reviewers"), false) },
    ...teamReviewers && { teamReviewers: r.strings(teamReviewers.node, teamReviewers.at, join(path, "team-reviewers"), false) },
    ...assignees && { assignees: r.strings(assignees.node, assignees.at, join(path, "assignees"), false) },
    ...draft && { draft: r.boolean(draft.node, draft.at, join(path, "draft")) },
    ...title2 && { title: r.string(title2.node, title2.at, join(path, "title")) },
    ...commitMessage2 && { commitMessage: r.template(commitMessage2.node, commitMessage2.at, join(path, "commit-message")) }
  };
  if (delivery.branch !== void 0 && !isBranchName(delivery.branch)) {
    r.issue(branch?.node, join(path, "branch"), `${JSON.stringify(delivery.branch)} is not a valid branch name`);
  }
  for (const [key, entry, names] of [
    ["reviewers", reviewers, delivery.reviewers],
    ["team-reviewers", teamReviewers, delivery.teamReviewers],
    ["assignees", assignees, delivery.assignees]
  ]) {
    names?.forEach((name, i) => {
      const mention = mentionIssue(name);
      if (mention) r.issue(isSeq(entry?.node) ? entry.node.items[i] : entry?.at, `${join(path, key)}[${i}]`, mention);
    });
  }
  if (delivery.mode !== void 0 && delivery.mode !== "pull-request") {
    for (const [key, entry] of [
      ["merge", merge2],
      ["merge-method", mergeMethod],
      ["draft", draft],
      ["reviewers", reviewers],
      ["team-reviewers", teamReviewers],
      ["assignees", assignees],
      ["labels", labels]
    ]) {
      if (entry) r.issue(entry.at, join(path, key), `only applies to mode pull-request (mode is ${delivery.mode})`);
    }
  }
  return delivery;
}
function readImages(r, node2, at, path) {
  if (!isSeq(node2) || node2.items.length === 0) {
    r.issue(node2 ?? at, path, isSeq(node2) ? "must not be empty (it is the list of images this target allows)" : `must be a list, not ${describe(node2)}`);
    return [];
  }
  const images = [];
  const seen = /* @__PURE__ */ new Map();
  node2.items.forEach((item, i) => {
    const itemPath = `${path}[${i}]`;
    const itemNode = r.resolve(item);
    const entries = r.mapping(itemNode, node2, itemPath, ["repository", "policy"]);
    if (!entries) return;
    const repository = r.field(entries, itemNode, itemPath, "repository", true);
    const policy = r.field(entries, itemNode, itemPath, "policy", false);
    const ref = repository && r.repository(repository.node, repository.at, join(itemPath, "repository"));
    const parsedPolicy = policy && r.policy(policy.node, policy.at, join(itemPath, "policy"));
    if (!ref) return;
    const earlier = seen.get(ref.repository);
    if (earlier !== void 0) {
      r.issue(repository.node, join(itemPath, "repository"), `${ref.repository} is already listed (${earlier})`);
      return;
    }
    seen.set(ref.repository, r.place(itemPath, repository.node));
    images.push({ ...ref, ...parsedPolicy && { policy: parsedPolicy } });
  });
  return images;
}
function readTargets(r, node2, at) {
  if (!isSeq(node2)) {
    r.issue(node2 ?? at, "targets", `must be a list, not ${describe(node2)}`);
    return [];
  }
  if (node2.items.length === 0) {
    r.issue(node2, "targets", "is empty; remove it to let every incoming image apply everywhere, or list at least one target (name, paths, images)");
    return [];
  }
  const targets = [];
  const names = /* @__PURE__ */ new Map();
  node2.items.forEach((item, i) => {
    const path = `targets[${i}]`;
    const targetNode = r.resolve(item);
    const entries = r.mapping(targetNode, node2, path, ["name", "paths", "images", "delivery"]);
    if (!entries) return;
    const nameField = r.field(entries, targetNode, path, "name", true);
    const pathsField = r.field(entries, targetNode, path, "paths", true);
    const imagesField = r.field(entries, targetNode, path, "images", true);
    const deliveryField = r.field(entries, targetNode, path, "delivery", false);
    let name = nameField && r.string(nameField.node, nameField.at, `${path}.name`);
    if (name !== void 0 && !TARGET_NAME.test(name)) {
      r.issue(nameField.node, `${path}.name`, `${JSON.stringify(name)} ${TARGET_NAME_RULE} (it names a branch)`);
      name = void 0;
    }
    if (name !== void 0 && names.has(name)) {
      r.issue(nameField.node, `${path}.name`, `duplicate target name ${JSON.stringify(name)} (also ${names.get(name)})`);
      name = void 0;
    }
    if (name !== void 0) names.set(name, r.place(path, nameField.node));
    const paths = pathsField && r.strings(pathsField.node, pathsField.at, `${path}.paths`, true, (glob, item2, at2) => r.relativePath(slashSeparated(glob), item2, at2))?.map(slashSeparated);
    const images = imagesField ? readImages(r, imagesField.node, imagesField.at, `${path}.images`) : [];
    const delivery = deliveryField && readDelivery(r, deliveryField.node, deliveryField.at, `${path}.delivery`);
    if (name !== void 0 && paths) {
      const pathLines = isSeq(pathsField.node) ? pathsField.node.items.flatMap((item2) => r.line(item2) ?? []) : [];
      targets.push({ name, paths, pathLines, images, ...delivery && { delivery } });
    }
  });
  return targets;
}
function readSetters(r, node2, at) {
  const setters = /* @__PURE__ */ new Map();
  if (!isMap(node2)) {
    r.issue(node2 ?? at, "setters", `must be a mapping of marker keys ("<namespace>:<policy>") to images, not ${describe(node2)}`);
    return setters;
  }
  for (const [key, entry] of r.entries(node2, "setters")) {
    const path = join("setters", key);
    if (!SETTER_KEY2.test(key)) {
      const suffix = /:(tag|name|digest)$/.exec(key);
      r.issue(
        entry.key,
        path,
        suffix ? `drop the ":${suffix[1]}" suffix: one setter serves the plain, :tag, :name and :digest markers` : `a setter key is "<namespace>:<policy name>" as in the marker # {"$imagepolicy": "flux-system:app"}`
      );
    }
    const entries = r.mapping(entry.value, entry.key, path, ["image", "policy"]);
    if (!entries) continue;
    const image = r.field(entries, entry.value, path, "image", true);
    const policy = r.field(entries, entry.value, path, "policy", false);
    const ref = image && r.repository(image.node, image.at, join(path, "image"));
    const parsedPolicy = policy && r.policy(policy.node, policy.at, join(path, "policy"));
    if (ref && SETTER_KEY2.test(key)) setters.set(key, { ...ref, ...parsedPolicy && { policy: parsedPolicy } });
  }
  return setters;
}
function readOverrides(r, node2, at, targets) {
  if (!isSeq(node2)) {
    r.issue(node2 ?? at, "overrides", `must be a list, not ${describe(node2)}`);
    return [];
  }
  const overrides = [];
  node2.items.forEach((item, i) => {
    const path = `overrides[${i}]`;
    const itemNode = r.resolve(item);
    const entries = r.mapping(itemNode, node2, path, ["file", "spec", "image", "part"]);
    if (!entries) return;
    const fileField = r.field(entries, itemNode, path, "file", true);
    const specField = r.field(entries, itemNode, path, "spec", true);
    const imageField = r.field(entries, itemNode, path, "image", true);
    const partField = r.field(entries, itemNode, path, "part", false);
    const given = fileField && r.string(fileField.node, fileField.at, `${path}.file`);
    const file = given === void 0 ? void 0 : slashSeparated(given);
    let fileOk = file !== void 0 && r.relativePath(file, fileField.node, `${path}.file`);
    if (fileOk && fileKind(file) === void 0) {
      r.issue(fileField.node, `${path}.file`, `${JSON.stringify(file)} is neither a KCL (.k) nor a YAML file`);
      fileOk = false;
    } else if (fileOk && fileKind(file) === "kcl-mod") {
      r.issue(fileField.node, `${path}.file`, `${JSON.stringify(file)}: ${kclModNotSet()}`);
      fileOk = false;
    }
    let spec = specField && r.string(specField.node, specField.at, `${path}.spec`);
    const kcl = fileKind(file ?? "") === "kcl";
    const bare = spec === void 0 ? void 0 : outsideQuotedKeys(spec);
    if (bare?.includes("=")) {
      r.issue(
        specField.node,
        `${path}.spec`,
        `is the path only (${JSON.stringify(spec.slice(0, bare.indexOf("=")).replace(/\+$/, ""))}); the value comes from the incoming image`
      );
      spec = void 0;
    }
    const operator = spec !== void 0 && kcl ? kclOperator(bare) : void 0;
    if (operator !== void 0) {
      r.issue(
        specField.node,
        `${path}.spec`,
        `is a path: the -O operator "${operator}" is not allowed here (the override sets the field from the incoming image)`
      );
      spec = void 0;
    }
    let ref = imageField && r.repository(imageField.node, imageField.at, `${path}.image`);
    const never = fileOk && ref && targets ? neverApplies(file, ref, targets) : void 0;
    if (never) {
      r.issue(imageField.node, `${path}.image`, never);
      ref = void 0;
    }
    const part = partField && readPart(r, partField.node, partField.at, `${path}.part`);
    if (fileOk && spec !== void 0 && ref && (!partField || part)) {
      const line = r.line(fileField.node);
      const specLine = r.line(specField.node);
      overrides.push({
        file,
        spec,
        image: ref.name,
        repository: ref.repository,
        ...part && { part },
        ...line !== void 0 && { line },
        ...specLine !== void 0 && { specLine },
        index: i
      });
    }
  });
  return overrides;
}
function neverApplies(file, image, targets) {
  const target = targets.length === 0 ? void 0 : targetOf(targets)(file);
  if (target === void 0 || target.images.some((other) => other.repository === image.repository)) return void 0;
  const meant = closest(image.name, new Set(target.images.map((other) => other.name)));
  return `target ${target.name}, whose paths hold ${file}, does not allow ${image.name}, so this override never applies${didYouMean(meant)}`;
}
function readPart(r, node2, at, path) {
  const other = otherScalar(node2);
  const value = other === void 0 ? r.string(node2, at, path) : void 0;
  if (value !== void 0 && OVERRIDE_PARTS.includes(value)) return value;
  if (value === void 0 && other === void 0) return void 0;
  r.issue(
    node2,
    path,
    `must be ${OVERRIDE_PARTS.join(" or ")} (a field holding only the image's tag), not ${other ?? JSON.stringify(value)}; leave part out to write the whole reference`
  );
  return void 0;
}
function kclOperator(outsideKeys) {
  if (outsideKeys.includes(":")) return ":";
  return outsideKeys.trimEnd().endsWith("-") ? "-" : void 0;
}
function readerOfText(text2, file) {
  const lines = new LineCounter();
  const doc = parseDocument(text2, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    const line = (offset) => lines.linePos(Math.min(offset, text2.trimEnd().length)).line;
    const overflow = doc.errors.find((e) => /call stack|stack overflow/i.test(e.message));
    throw new ConfigError(
      (overflow ? [overflow] : doc.errors).map((e) => ({
        ...file !== void 0 && { file },
        line: line(e.pos[0]),
        // The yaml package's advice for this one is its own API's.
        message: e === overflow ? `nested too deep to read (${e.message})` : e.code === "MULTIPLE_DOCS" ? "holds several YAML documents (---); the configuration is one document" : `not valid YAML: ${e.message}`
      }))
    );
  }
  return new Reader2(file, doc, lines);
}
function outsideQuotedKeys(spec) {
  return spec.replace(/\[\s*(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\s*\]/g, (key) => `[${" ".repeat(key.length - 2)}]`);
}
function parseConfig(source, file) {
  const r = typeof source === "string" ? readerOfText(source, file) : new Reader2(file, new Document(source), void 0);
  const doc = r.doc;
  const root = r.resolve(doc.contents);
  let config = { targets: [], setters: /* @__PURE__ */ new Map(), overrides: [] };
  if (root !== null && !(isScalar(root) && root.value === null)) {
    const entries = r.mapping(root, root, "", ["targets", "setters", "overrides"]);
    if (entries) {
      const targetsField = r.field(entries, root, "", "targets", false);
      const settersField = r.field(entries, root, "", "setters", false);
      const overridesField = r.field(entries, root, "", "overrides", false);
      const issuesBefore = r.issues.length;
      const targets = targetsField ? readTargets(r, targetsField.node, targetsField.at) : [];
      const everyTarget = r.issues.length === issuesBefore;
      const setters = settersField ? readSetters(r, settersField.node, settersField.at) : /* @__PURE__ */ new Map();
      const overrides = overridesField ? readOverrides(r, overridesField.node, overridesField.at, everyTarget ? targets : void 0) : [];
      config = { targets, setters, overrides };
    }
  }
  if (r.issues.length > 0)
    throw new ConfigError(
      r.issues.sort((a, b) => a.offset - b.offset).map((i) => i.issue),
      config
    );
  return config;
}

// src/engine/field-issues.ts
function ofField(field2, issues) {
  return issues.map((issue) => ({ ...issue, field: field2 }));
}
function asIssuesOf(field2, run) {
  try {
    return run();
  } catch (error) {
    if (error instanceof RequestError) throw new RequestError(ofField(field2, error.issues));
    throw error;
  }
}

// src/engine/source.ts
import { readdirSync, readFileSync, readlinkSync, statSync } from "node:fs";
import { join as join2 } from "node:path";
var lossy = new TextDecoder("utf-8", { ignoreBOM: true });
var strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
async function readText(source, path) {
  return source.readText ? source.readText(path) : lossy.decode(await source.read(path));
}
function decodeUtf8(bytes) {
  try {
    return strict.decode(bytes);
  } catch {
    return void 0;
  }
}
async function listTree(source) {
  const listedAs2 = /* @__PURE__ */ new Map();
  const issues = [];
  const warnings = [];
  for await (const listed of source.list()) {
    const leftOut = leftOutName(listed);
    if (leftOut) {
      if (fileKind(listed) !== void 0) warnings.push({ message: leftOut });
      continue;
    }
    const path = plainPath(listed);
    if (path === void 0) issues.push(`the source lists ${JSON.stringify(listed)}, which is no POSIX path relative to the root (no leading /, no "..")`);
    else if (listedAs2.has(path)) issues.push(`the source lists ${JSON.stringify(listedAs2.get(path))} and ${JSON.stringify(listed)}, one file twice`);
    else listedAs2.set(path, listed);
  }
  if (issues.length > 0) throw new RequestError(issues.map((message) => ({ message })));
  const files = [...listedAs2.keys()].sort();
  const links = new Map([...await source.links?.() ?? []].filter(([path]) => plainPath(path) === path));
  if (files.every((path) => listedAs2.get(path) === path)) return { files, links, source, warnings };
  const as = (path) => listedAs2.get(path) ?? path;
  const readText2 = source.readText?.bind(source);
  const isFileOutside = source.isFileOutside?.bind(source);
  return {
    files,
    links,
    source: {
      list: () => source.list(),
      read: (path) => source.read(as(path)),
      ...readText2 && { readText: (path) => readText2(as(path)) },
      ...isFileOutside && { isFileOutside }
    },
    warnings
  };
}
var UNREAD = "no file is read whose name holds a backslash, a control character or a leading drive letter (C:/), as a path written in a request reads \\ as / and such a name could not be named or printed as it is; rename the file to have it updated";
function leftOutName(path) {
  return unreadName(path) ? `${JSON.stringify(path)} is left out: ${UNREAD}` : void 0;
}
function unreadName(path) {
  return path.includes("\\") || /^[A-Za-z]:\//.test(path) || /[\x00-\x1f\x7f]/.test(path);
}
function plainPath(path) {
  if (path.startsWith("/")) return void 0;
  if (!/(^|\/)\.?(\/|$)|(^|\/)\.\.(\/|$)/.test(path)) return path;
  const parts = path.split("/").filter((part) => part !== "" && part !== ".");
  return parts.length === 0 || parts.includes("..") ? void 0 : parts.join("/");
}
function memorySource(files, links = /* @__PURE__ */ new Map()) {
  const encoder = new TextEncoder();
  return {
    links: async () => links,
    async *list() {
      yield* [...files.keys()].sort();
    },
    async read(path) {
      const content = files.get(path);
      if (content === void 0) throw new Error(`${path}: no such file in memory`);
      return typeof content === "string" ? encoder.encode(content) : content;
    }
  };
}
var SKIPPED_DIRECTORIES = /* @__PURE__ */ new Set([".git", "node_modules"]);
var UTF8 = { encoding: "utf8" };
function directorySource(root) {
  const prefix = join2(root, "/");
  let links;
  const listing = () => {
    const files = [];
    links = /* @__PURE__ */ new Map();
    walk2(root, "", files, links);
    return files;
  };
  return {
    // Synchronous on purpose: a manifests tree is thousands of small files, and measured on
    // a 5,000-file tree, libuv threadpool round trips cost 8x more than the reads themselves.
    async *list() {
      yield* listing().sort();
    },
    async links() {
      if (links === void 0) listing();
      return links;
    },
    async read(path) {
      return readFileSync(prefix + path);
    },
    async readText(path) {
      return readFileSync(prefix + path, UTF8);
    },
    async isFileOutside(path) {
      try {
        return statSync(prefix + path, { throwIfNoEntry: false })?.isFile() ?? false;
      } catch {
        return false;
      }
    }
  };
}
function walk2(root, dir, files, links) {
  for (const entry of readdirSync(join2(root, dir), { withFileTypes: true })) {
    const path = dir === "" ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) walk2(root, path, files, links);
    else if (entry.isFile()) files.push(path);
    else if (entry.isSymbolicLink()) links.set(path, readlinkSync(join2(root, path), "utf8"));
  }
}

// src/engine/tree-links.ts
var MAX_LINKS = 40;
function followLinks(path, present, links) {
  let first;
  let itself = false;
  const done = [];
  const rest = path.split("/");
  for (let followed = 0; rest.length > 0; ) {
    const part = rest.shift();
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (first === void 0) return void 0;
      if (done.pop() === void 0) return { ...first, itself, why: "leads outside the root", outside: true };
      continue;
    }
    done.push(part);
    const to = links.get(done.join("/"));
    if (to === void 0) continue;
    first ??= { link: done.join("/"), to };
    if (rest.length === 0) itself = true;
    if (to.startsWith("/")) {
      const absolute = followed === 0 ? "is an absolute path" : `leads to the absolute path ${to}`;
      return { ...first, itself, why: `${absolute} (only a relative link is followed: it leads to the same file in every checkout)`, outside: true };
    }
    if (++followed > MAX_LINKS) return { ...first, itself, why: "leads round a loop of links", outside: false };
    done.pop();
    rest.unshift(...to.split("/"));
  }
  if (first === void 0) return void 0;
  const end = done.join("/");
  if (present.has(end)) return { ...first, itself, file: end };
  const directory = end === "" || [...present].some((file) => file.startsWith(`${end}/`));
  return {
    ...first,
    itself,
    outside: false,
    why: directory ? `leads to ${end === "" ? "the root" : `the directory ${end}`}, not a file` : `leads to ${end}, which does not exist (a dangling link)`
  };
}
function linkSaid(path, end) {
  const link = end.link === path ? `${path} is a symbolic link to ${JSON.stringify(end.to)}` : `${path} lies behind the symbolic link ${end.link} (to ${JSON.stringify(end.to)})`;
  return `${link}, which ${end.file === void 0 ? end.why : `leads to ${end.file}`}`;
}
function notAFileSaid(path, present, links) {
  const end = followLinks(path, present, links);
  if (end === void 0) return { message: `${path} does not exist`, link: false };
  const instead = end.file === void 0 ? "" : `: name ${end.file} instead`;
  return { message: `${linkSaid(path, end)}; a symbolic link is never edited${instead}`, link: true };
}

// src/engine/diff.ts
function splitLines2(text2) {
  const lines = [];
  let start = 0;
  while (start < text2.length) {
    const nl = text2.indexOf("\n", start);
    const end = nl < 0 ? text2.length : nl + 1;
    lines.push(text2.slice(start, end));
    start = end;
  }
  return lines;
}
function hunkLine(op) {
  return op.line.endsWith("\n") ? op.kind + op.line.slice(0, -1) : `${op.kind}${op.line}
\\ No newline at end of file`;
}
var STEPS_PER_LINE = 8;
var STEPS_BESIDES = 1e6;
function diffLines(a, b) {
  return myers(a, b, STEPS_BESIDES) ?? anchored(a, b);
}
function myers(a, b, besides) {
  const trace = myersTrace(a, b, besides);
  if (!trace) return void 0;
  const ops = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || k !== d && vd[k + d] < vd[k + d + 2] ? k + 1 : k - 1;
    const prevX = vd[prevK + d + 1];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: " ", line: a[--x] });
      y--;
    }
    if (d > 0) ops.push(x === prevX ? { kind: "+", line: b[--y] } : { kind: "-", line: a[--x] });
  }
  return ops.reverse();
}
function myersTrace(a, b, besides) {
  const max = a.length + b.length;
  let steps = STEPS_PER_LINE * max + besides;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      if (--steps < 0) return void 0;
      let x = k === -d || k !== d && v[offset + k - 1] < v[offset + k + 1] ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      const from = x;
      while (x < a.length && y < b.length && a[x] === b[y]) {
        x++;
        y++;
      }
      steps -= x - from;
      v[offset + k] = x;
      if (x >= a.length && y >= b.length) return trace;
    }
  }
  return void 0;
}
function anchored(a, b) {
  const ops = [];
  let x = 0;
  let y = 0;
  for (const [i, j] of [...uniqueAnchors(a, b), [a.length, b.length]]) {
    const [runA, runB] = [a.slice(x, i), b.slice(y, j)];
    for (const op of myers(runA, runB, 0) ?? paired(runA, runB)) ops.push(op);
    if (i < a.length) ops.push({ kind: " ", line: a[i] });
    [x, y] = [i + 1, j + 1];
  }
  return ops;
}
function uniqueAnchors(a, b) {
  const seen = /* @__PURE__ */ new Map();
  a.forEach((line, i) => {
    const entry = seen.get(line);
    if (entry) entry.inA++;
    else seen.set(line, { inA: 1, inB: 0, at: i });
  });
  for (const line of b) {
    const entry = seen.get(line);
    if (entry) entry.inB++;
  }
  const pairs2 = [];
  b.forEach((line, j) => {
    const entry = seen.get(line);
    if (entry?.inA === 1 && entry.inB === 1) pairs2.push([entry.at, j]);
  });
  return longestRising(pairs2);
}
function longestRising(pairs2) {
  const tails = [];
  const before = new Int32Array(pairs2.length).fill(-1);
  pairs2.forEach(([i], p) => {
    let [low, high] = [0, tails.length];
    while (low < high) {
      const mid = low + high >> 1;
      if (pairs2[tails[mid]][0] < i) low = mid + 1;
      else high = mid;
    }
    if (low > 0) before[p] = tails[low - 1];
    tails[low] = p;
  });
  const run = [];
  for (let p = tails.at(-1) ?? -1; p !== -1; p = before[p]) run.push(pairs2[p]);
  return run.reverse();
}
function paired(a, b) {
  const ops = [];
  let i = 0;
  while (i < a.length || i < b.length) {
    if (a[i] === b[i]) {
      ops.push({ kind: " ", line: a[i++] });
      continue;
    }
    let end = i;
    while (end < a.length && end < b.length && a[end] !== b[end]) end++;
    const [endA, endB] = end < a.length && end < b.length ? [end, end] : [a.length, b.length];
    for (let x = i; x < endA; x++) ops.push({ kind: "-", line: a[x] });
    for (let y = i; y < endB; y++) ops.push({ kind: "+", line: b[y] });
    i = Math.max(endA, endB);
  }
  return ops;
}
function unifiedDiff(path, before, after, context2 = 3) {
  if (before === after) return "";
  const ops = diffLines(splitLines2(before), splitLines2(after));
  const end = path.includes(" ") ? "	" : "";
  const out = [`--- a/${path}${end}`, `+++ b/${path}${end}`];
  let i = 0;
  let aLine = 1;
  let bLine = 1;
  while (i < ops.length) {
    if (ops[i].kind === " ") {
      i++;
      aLine++;
      bLine++;
      continue;
    }
    let start = i;
    let back = 0;
    while (start > 0 && back < context2 && ops[start - 1].kind === " ") {
      start--;
      back++;
    }
    let end2 = i;
    let quiet = 0;
    while (end2 < ops.length && quiet <= 2 * context2) {
      quiet = ops[end2].kind === " " ? quiet + 1 : 0;
      end2++;
    }
    end2 -= Math.max(0, quiet - context2);
    const hunk = ops.slice(start, end2);
    const aCount = hunk.filter((o) => o.kind !== "+").length;
    const bCount = hunk.filter((o) => o.kind !== "-").length;
    const aStart = aLine - back - (aCount === 0 ? 1 : 0);
    const bStart = bLine - back - (bCount === 0 ? 1 : 0);
    out.push(`@@ -${aStart},${aCount} +${bStart},${bCount} @@`);
    for (const op of hunk) out.push(hunkLine(op));
    for (const op of ops.slice(i, end2)) {
      if (op.kind !== "+") aLine++;
      if (op.kind !== "-") bLine++;
    }
    i = end2;
  }
  return out.join("\n") + "\n";
}

// src/engine/report.ts
function jsonReport(plan) {
  return {
    changed: plan.files.length > 0,
    files: plan.files.map((f) => f.path),
    changes: plan.changes.map(({ file, line, kind: kind2, key, old, new: value, op, target }) => ({
      file,
      line,
      kind: kind2,
      key,
      old,
      new: value,
      ...op && { op },
      ...target && { target }
    })),
    ...plan.targets.length > 0 && {
      targets: plan.targets.map((t) => ({ name: t.name, files: plan.files.filter((f) => f.target === t.name).map((f) => f.path) }))
    },
    warnings: plan.warnings.map((w) => ({ ...inReadmeOrder(w), ...w.kind && { kind: w.kind } }))
  };
}
function jsonRefusal(issues) {
  return { changed: false, files: [], changes: [], warnings: [], errors: issues.map(inReadmeOrder) };
}
function inReadmeOrder({ file, line, message }) {
  return { ...file !== void 0 && { file }, ...line !== void 0 && { line }, message };
}
function shownValue(value) {
  return value === void 0 ? "(none)" : value === "" ? '""' : value.replace(/\s*\n\s*/g, " ");
}
function changeLine(c) {
  return `  ${String(c.line).padStart(4)}  ${c.kind.padEnd(9)} ${c.key}: ${shownValue(valueBefore(c))} -> ${shownValue(valueAfter(c))}`;
}
function nothingToChange(plan) {
  if (plan.images.length === 0) return "nothing to change: every field the --set specs name already holds its value";
  if (plan.warnings.every(isAside)) return "nothing to change: every image field found already holds its new value";
  if (plan.warnings.filter((w) => w.kind === "unreached").length >= plan.images.length) return "nothing to change: the warnings above say why";
  return "nothing to change: the warnings above say what was left and why; every other image field found already holds its new value";
}
function humanReport(plan, options = {}) {
  const out = [];
  const groups = plan.targets.length > 0 ? [...plan.targets.map((t) => t.name), void 0] : [void 0];
  for (const group of groups) {
    const files = plan.files.filter((f) => f.target === group);
    if (files.length === 0) continue;
    if (group !== void 0) out.push(`target ${group}:`);
    else if (plan.targets.length > 0) out.push("outside any target (markers and overrides):");
    for (const file of files) {
      out.push(file.path, ...file.changes.map(changeLine));
      if (options.diff) out.push(unifiedDiff(file.path, file.before, file.after).replace(/\n$/, ""));
    }
  }
  const n = plan.files.length;
  const verb = options.dryRun ? "would change" : "changed";
  out.push(
    n === 0 ? nothingToChange(plan) : `${counted(n, "file")} ${verb}, ${counted(plan.changes.length, "value")}${options.dryRun ? " (dry run: nothing written)" : ""}`
  );
  return out.join("\n") + "\n";
}

// src/engine/overrides.ts
function collectOverrides(valid, config, configPath, present, inScope, warnings, fieldName = byIndex, links = /* @__PURE__ */ new Map()) {
  const configured = config?.overrides ?? [];
  const missing = (file, i) => {
    const { message, link } = notAFileSaid(file, present, links);
    return { ...link && { field: "set" }, message: `${fieldName("set", i)}: ${message}` };
  };
  const issues = valid.sets.flatMap(
    ({ file }, i) => !present.has(file) ? [missing(file, i)] : !inScope(file) ? [{ message: `${fieldName("set", i)}: ${file} is outside the paths to update` }] : []
  );
  const byFile = /* @__PURE__ */ new Map();
  const add = (file, override) => byFile.set(file, [...byFile.get(file) ?? [], override]);
  for (const { file, spec } of valid.sets) add(file, spec);
  const inATarget = pathMatcher((config?.targets ?? []).flatMap((t) => t.paths));
  for (const o of configured) {
    if (!inScope(o.file) || !valid.images.some((i) => i.repository === o.repository)) continue;
    if (config.targets.length > 0 && !inATarget(o.file)) {
      warnings.push({ file: configPath, line: o.line, message: `override of ${o.file}: the file is in no target, so ${o.repository} is not set there` });
    } else add(o.file, o);
  }
  return { byFile, issues };
}
async function checkConfiguredOverrides(source, overrides, configPath, present, create, fieldName, links = /* @__PURE__ */ new Map()) {
  const issues = [];
  const issue = (i, field2, message) => issues.push({
    file: configPath,
    line: field2 === "spec" ? overrides[i].specLine : overrides[i].line,
    message: `overrides[${overrides[i].index}].${field2}: ${message}`
  });
  const byFile = /* @__PURE__ */ new Map();
  overrides.forEach((o, i) => byFile.set(o.file, [...byFile.get(o.file) ?? [], i]));
  for (const [file, indexes] of byFile) {
    if (!present.has(file)) {
      const { message } = notAFileSaid(file, present, links);
      for (const i of indexes) issue(i, "file", message);
      continue;
    }
    const text2 = decodeUtf8(await source.read(file));
    if (text2 === void 0) {
      for (const i of indexes) issue(i, "file", `${file} is not UTF-8 text`);
      continue;
    }
    const body = text2.replace(/^\uFEFF/, "");
    const dry = (of) => applyFileOverrides(
      fileKind(file),
      body,
      of.map((i) => ({ path: overrides[i].spec, value: (current) => current ?? "" })),
      create,
      fieldName
    );
    try {
      dry(indexes);
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      for (const i of indexes) {
        try {
          dry([i]);
        } catch (one) {
          if (!(one instanceof SourceError)) throw one;
          issue(i, "spec", formatDiagnostic(located(file, one)));
        }
      }
    }
  }
  return issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
function configuredOverride(override, images) {
  const update = images.find((u) => u.image.repository === override.repository);
  if (!update) return [];
  const inArgoImages = ARGO_KUSTOMIZE_IMAGE.test(fieldKey(override.spec));
  const value = override.part === "tag" ? (current, note) => nextTagText(update, current, note) : (current, note) => {
    const named2 = inArgoImages && current !== void 0 ? namedImageString(current) : void 0;
    if (!named2) return nextImageText(update, override.image, current, note);
    const next = nextVersion(update, named2.version, note);
    return next && withVersion(named2, next);
  };
  return [{ path: override.spec, value, configured: override }];
}
function overriddenIn(requested, images) {
  const repositories = /* @__PURE__ */ new Set();
  const paths = /* @__PURE__ */ new Set();
  for (const o of requested) {
    if (typeof o !== "string") {
      if (configuredOverride(o, images).length > 0) repositories.add(o.repository);
      continue;
    }
    const { field: field2 } = trySetSpec("kcl", o);
    if (field2 && field2.operation !== "-") paths.add(formatOverridePath(field2.keys));
  }
  return { repositories, paths };
}
function overFile(path, kind2, edited, requested, create, read = edited.text, fieldName) {
  return publicResult(overFileAbout(path, kind2, edited, requested, create, read, fieldName));
}
function overFileAbout(path, kind2, edited, requested, create, read = edited.text, fieldName) {
  try {
    const aimed = withoutMisaimedOverrides(kind2, edited.text, requested);
    const { overrides, yielded } = besideMarkers(path, kind2, edited, aimed.overrides, create);
    const overridden = applyFileOverrides(kind2, edited.text, overrides, create, fieldName);
    const sets = setFields(kind2, overrides);
    const told = shiftLines(edited.warnings, edited.text, overridden.text);
    const shifted = told.filter(
      (w) => !answeredBySet(w, kind2, overridden.changes, sets) && !answeredByOverride(w, kind2, overridden.changes) && !answeredBeside(w, kind2, overrides)
    );
    const { changes, overruled } = withOverrides(shiftLines(edited.changes, edited.text, overridden.text), overridden.changes, {
      replaces: replacingSpans(kind2, overrides),
      oldAsRead: oldAsRead(kind2, read, overrides, overridden.changes, create),
      read: kind2 === "kcl" ? kclRead : (written) => written
    });
    return {
      text: overridden.text,
      changes,
      warnings: [
        ...shifted,
        ...shiftLines([...aimed.misaimed, ...yielded], edited.text, overridden.text),
        ...overridden.warnings.filter((w) => !toldThere(w, told)),
        ...setOverImages(kind2, sets, overruled, fieldName)
      ]
    };
  } catch (error) {
    if (error instanceof SourceError) throw new RequestError([located(path, error)]);
    throw error;
  }
}
function besideMarkers(path, kind2, edited, overrides, create) {
  if (!edited.text.includes(MARKER_TOKEN) || overrides.every((o) => typeof o === "string")) return { overrides, yielded: [] };
  const markers = new Map(fileMarkers(path, edited.text).map(({ marker, line }) => [line, marker]));
  const yielded = [];
  const kept = overrides.filter((o) => {
    if (typeof o === "string") return true;
    let dry;
    try {
      dry = applyFileOverrides(kind2, edited.text, [o], create);
    } catch (error) {
      if (error instanceof SourceError) return true;
      throw error;
    }
    const marked = dry.changes.filter((c) => markers.has(c.line));
    for (const change of marked) {
      const setter = edited.changes.find((e) => e.line === change.line && e.kind === "setter");
      yielded.push({
        line: change.line,
        message: setter ? `${change.key}: Flux setter "${setter.key}" wrote ${setter.new}, which takes precedence over ${change.new} from its configured override (a marked field is set only through its marker)` : `${change.key} is marked for Flux setter "${markers.get(change.line).setter}", which alone sets it: its configured override, which would write ${change.new}, is not applied`
      });
    }
    return marked.length === 0;
  });
  return { overrides: kept, yielded };
}
function withoutMisaimedOverrides(kind2, text2, overrides) {
  const indexed2 = (o) => typeof o !== "string" && o.configured !== void 0 && mayNameParameter(o.path);
  const file = kind2 === "yaml" && overrides.some(indexed2) ? tryYamlFile(text2) : void 0;
  if (!file) return { overrides, misaimed: [] };
  const misaimed = [];
  const kept = overrides.filter((o) => {
    const warning = indexed2(o) ? misaimedOverride(file, o.path, o.configured) : void 0;
    if (warning) misaimed.push(warning);
    return !warning;
  });
  return { overrides: kept, misaimed };
}
function fieldFor(warning, reason) {
  const about = warning.about;
  return about?.reason === reason && "field" in about ? about.field : void 0;
}
function answeredByOverride(warning, kind2, changes) {
  const field2 = fieldId(kind2, fieldFor(warning, "advised-override"));
  return field2 !== void 0 && changes.some((c) => fieldId(kind2, c.key) === field2);
}
function answeredBeside(warning, kind2, overrides) {
  const field2 = pathKeys(kind2, fieldFor(warning, "bare-repository"));
  if (field2 === void 0) return false;
  const mapping = joined(field2.slice(0, -1));
  return overrides.some((o) => {
    const setsTag2 = typeof o === "string" || o.configured?.part === "tag" && o.configured.repository === warning.about?.image;
    const keys = setsTag2 ? overrideKeys(kind2, o) : void 0;
    return keys !== void 0 && keys.length === field2.length && joined(keys.slice(0, -1)) === mapping && keys.at(-1) !== field2.at(-1);
  });
}
function overrideNames(warning, requested, configured) {
  const field2 = fieldFor(warning, "advised-override");
  return field2 !== void 0 && warning.file !== void 0 && overrideNamesField(warning.file, field2, requested, configured);
}
function overrideNamesField(file, field2, requested, configured) {
  const kind2 = fileKind(file);
  if (kind2 === void 0) return false;
  const named2 = fieldId(kind2, field2);
  const specs = requested.filter((o) => typeof o === "string");
  return named2 !== void 0 && (overrideIds(kind2, specs).includes(named2) || configured.some((o) => o.file === file && fieldId(kind2, o.spec) === named2));
}
function toldThere(warning, told) {
  const about = warning.about;
  if (about?.reason !== "version") return false;
  return told.some(
    (w) => w.line === warning.line && w.about?.reason === "version" && fieldKey(w.about.field) === fieldKey(about.field) && w.about.said === about.said
  );
}
function withOverrides(edits, overrides, span) {
  let changes = [...edits];
  const overruled = [];
  for (const override of overrides) {
    const i = changes.findIndex(
      (c) => c.line === override.line && (c.new === override.old || c.new === span.read(override.old)) && (c.kind === "setter" || fieldKey(c.key) === fieldKey(override.key))
    );
    if (i >= 0) {
      overruled.push({ edit: changes[i], override });
      if (changes[i].old === override.new) changes.splice(i, 1);
      else changes[i] = { ...override, old: changes[i].old };
      continue;
    }
    const inside = span.replaces(override) ? changes.filter((c) => c.kind !== "override" && insideSpan(c, override)) : [];
    overruled.push(...inside.map((edit) => ({ edit, override })));
    changes = changes.filter((c) => !inside.includes(c));
    const old = inside.length > 0 ? span.oldAsRead(override) : override.old;
    if (old !== override.new) changes.push({ ...override, old });
  }
  return { changes: changes.sort((a, b) => a.line - b.line), overruled };
}
function kclRead(written) {
  return /^[rR]?["']/.test(written) ? stringLiteralValue(written) : written;
}
function insideSpan(edit, override) {
  if (edit.line < override.line || edit.line > override.line + lineBreaks(override.new)) return false;
  return edit.kind === "setter" ? override.old.includes(edit.new) : fieldKey(edit.key).startsWith(`${fieldKey(override.key)}.`);
}
function replacingSpans(kind2, overrides) {
  const appended = new Set(
    overrides.flatMap((o) => {
      const field2 = typeof o === "string" ? trySetSpec(kind2, o).field : void 0;
      return field2?.operation === "+=" ? [joined(field2.keys)] : [];
    })
  );
  return (override) => {
    const field2 = fieldId(kind2, override.key);
    return field2 === void 0 || !appended.has(field2);
  };
}
function oldAsRead(kind2, read, overrides, changes, create) {
  let before;
  return (override) => {
    if (before === void 0) before = changesOver(kind2, read, overrides, create);
    if (before === null) return override.old;
    const nth = changes.filter((c) => c.key === override.key).indexOf(override);
    return before.filter((c) => c.key === override.key)[nth]?.old ?? override.new;
  };
}
function changesOver(kind2, text2, overrides, create) {
  try {
    return applyFileOverrides(kind2, text2, overrides, create).changes;
  } catch (error) {
    if (error instanceof SourceError) return null;
    throw error;
  }
}
function setFields(kind2, overrides) {
  return new Set(
    overrideIds(
      kind2,
      overrides.filter((o) => typeof o === "string")
    )
  );
}
function answeredBySet(warning, kind2, changes, sets) {
  const field2 = fieldId(kind2, fieldFor(warning, "placeholder"));
  if (field2 === void 0 || !sets.has(field2)) return false;
  return changes.some((c) => c.line === warning.line && fieldId(kind2, c.key) === field2);
}
function setOverImages(kind2, sets, overruled, fieldName = byFlag) {
  return overruled.filter(({ override }) => {
    const field2 = fieldId(kind2, override.key);
    return field2 !== void 0 && sets.has(field2);
  }).map(({ edit, override }) => ({
    line: override.line,
    message: `${override.key}: ${fieldName("set")} ${override.op === "delete" ? "deleted it" : `wrote ${shownValue(override.new)}`}, which takes precedence over ${edit.new} from the incoming image${fieldKey(edit.key) === fieldKey(override.key) ? "" : ` at ${edit.key}`}`
  }));
}
function setsInFile(kind2, overrides) {
  const sets = overrideIds(kind2, overrides);
  return (path) => {
    const field2 = fieldId(kind2, path);
    return field2 !== void 0 && sets.some((set2) => field2 === set2 || field2.startsWith(`${set2}\0`));
  };
}
function overrideKeys(kind2, override) {
  return typeof override === "string" ? trySetSpec(kind2, override).field?.keys : pathKeys(kind2, override.path);
}
function overrideIds(kind2, overrides) {
  return overrides.flatMap((o) => {
    const keys = overrideKeys(kind2, o);
    return keys ? [joined(keys)] : [];
  });
}
function pathKeys(kind2, path) {
  if (path === void 0) return void 0;
  try {
    return kind2 === "kcl" ? parseOverridePath(path) : parsePath(path).map(String);
  } catch (error) {
    if (error instanceof SourceError) return void 0;
    throw error;
  }
}
function joined(keys) {
  return keys.join("\0");
}
function fieldId(kind2, path) {
  const keys = pathKeys(kind2, path);
  return keys && joined(keys);
}
function fieldKey(key) {
  return key.replace(/\[(["'])(.*?)\1\]|\[(\d+)\]/g, (_, _quote, quoted3, index2) => `.${quoted3 ?? index2}`);
}
function applyFileOverrides(kind2, text2, overrides, create, fieldName) {
  const setsToo = setsInFile(kind2, overrides);
  if (kind2 === "kcl") return applyOverridesAbout(text2, overrides, { create, setsToo, fieldName });
  let result = { text: text2, changes: [], warnings: [] };
  for (const override of overrides) {
    const next = typeof override === "string" ? setFromSpec(result.text, override, create, setsToo, fieldName) : setYamlPathAbout(result.text, override.path, override.value, { create, setsToo, configured: true, fieldName });
    const shift = (earlier) => shiftLines(earlier, result.text, next.text);
    result = { text: next.text, changes: [...shift(result.changes), ...next.changes], warnings: [...shift(result.warnings), ...next.warnings] };
  }
  return result;
}
function located(path, error) {
  const where2 = { file: path, ...error.line !== void 0 && { line: error.line } };
  if (!(error instanceof OverrideSpecError) || error.message.includes(error.spec)) return { ...where2, message: error.message };
  const indexed2 = /\[\s*\d+\s*\]/.test(error.spec) ? " (KCL override paths have no list indexes)" : "";
  return { ...where2, message: `'${error.spec}': ${error.message}${indexed2}` };
}

// src/engine/config-file.ts
var DEFAULT_CONFIG = ".github/gitops-promote.yaml";
var DEFAULT_CONFIGS = [DEFAULT_CONFIG, ".github/gitops-promote.yml"];
function configPathsOf(request) {
  if (request.config === void 0) return DEFAULT_CONFIGS;
  return typeof request.config === "string" ? [request.config.replace(/^\.\//, "")] : [];
}
var GIVEN_CONFIG = "the configuration";
function unfiled(diagnostic) {
  const { file, line, ...rest } = diagnostic;
  if (file !== GIVEN_CONFIG) return diagnostic;
  return { ...rest, message: `${file}${line === void 0 ? "" : ` (line ${line})`}: ${diagnostic.message}` };
}
async function configOf2(source, present, request, create, links = /* @__PURE__ */ new Map()) {
  const given = typeof request.config === "object" ? request.config : request.config === NO_CONFIG ? { targets: [], setters: /* @__PURE__ */ new Map(), overrides: [] } : void 0;
  if (given) return { config: given, configPath: GIVEN_CONFIG, given: true };
  const configPath = await configPathIn(request, source, present, links);
  return { config: await loadConfig(source, present, configPath, request.config !== void 0, create, request.fieldName, links), configPath, given: false };
}
async function configPathIn(request, source, present, links) {
  const paths = configPathsOf(request);
  const found = [];
  for (const path of paths) {
    const end = present.has(path) ? void 0 : followLinks(path, present, links);
    if (end === void 0) {
      if (present.has(path)) found.push({ path, file: path });
    } else if (end.file !== void 0) found.push({ path, file: end.file, end });
    else if (request.config !== void 0 || end.itself || end.outside && await source.isFileOutside?.(path)) found.push({ path, end });
  }
  const distinct = found.filter(({ file }, i) => file === void 0 || found.findIndex((other) => other.file === file) === i);
  if (distinct.length > 1)
    throw new RequestError([
      { field: "config", message: `config: ${distinct.map(({ path }) => path).join(" and ")} both exist, and only one is read; remove one` }
    ]);
  const one = distinct[0];
  if (one === void 0) return paths[0];
  if (one.file !== void 0) return one.file;
  const named2 = request.config === void 0 ? "" : `${(request.fieldName ?? byIndex)("config")}: `;
  const why = "a configuration is read from a file of the tree only, and a run without it would not apply its targets and policies";
  throw new RequestError([
    { field: "request", message: `${named2}${linkSaid(one.path, one.end)}: ${why}; put the file itself there, or link to a file of the tree` }
  ]);
}
async function loadConfig(source, present, path, required, create, fieldName = byIndex, links = /* @__PURE__ */ new Map()) {
  if (!present.has(path)) {
    if (required) throw new RequestError([{ field: "config", message: `${fieldName("config")}: ${path} does not exist` }]);
    return void 0;
  }
  const text2 = decodeUtf8(await source.read(path));
  if (text2 === void 0) throw new RequestError([{ field: "config", file: path, message: CONFIG_NOT_UTF8 }]);
  try {
    return parseConfig(text2, path);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const tree = await checkConfiguredOverrides(source, error.config?.overrides ?? [], path, present, create, fieldName, links);
    throw new RequestError(
      ofField(
        "config",
        [...error.issues, ...tree].sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
      )
    );
  }
}

// src/engine/chart-tags.ts
import { posix as posix2 } from "node:path";
function warnLoneTagParameters(texts, inScope, updatesFor, warnings, fieldName) {
  const values = new ValuesFiles(texts);
  const said = /* @__PURE__ */ new Set();
  for (const [path, file, document] of applicationsReading(texts, values, updatesFor)) {
    const sources = sourcesOf(document).filter((source) => source.length > 0);
    for (const source of sources) {
      const layers = valuesLayers(values, valuesOf(document.root, source, sources, texts), path, file, document.root, source, fieldName);
      if (inScope(path)) warnLoneParameters(path, texts.get(path), file, document.root, source, layers, updatesFor(path), warnings);
      const parameters = parametersAt(document.root, source).flatMap(([name]) => {
        const [prefix, leaf] = leafOf(name);
        return leaf === "tag" ? [keysOf2(prefix)] : [];
      });
      for (const warning of loneValueTags(layers, parameters, inScope, updatesFor)) {
        const at = `${warning.file}:${warning.line}:${warning.message}`;
        if (!said.has(at)) warnings.push(warning);
        said.add(at);
      }
    }
  }
}
function unreadValueFiles(texts, present, updatesFor) {
  const values = new ValuesFiles(texts);
  const unread = /* @__PURE__ */ new Set();
  for (const [, , document] of applicationsReading(texts, values, updatesFor)) {
    const sources = sourcesOf(document).filter((source) => source.length > 0);
    for (const source of sources)
      for (const path of listedPaths(document.root, source, sources)) if (!texts.has(path) && present.has(path) && fileKind(path) === "yaml") unread.add(path);
  }
  return [...unread];
}
function mayRankOverValues(text2) {
  return /parameters|valueFiles|values/.test(text2);
}
function* applicationsReading(texts, values, updatesFor) {
  for (const [path, text2] of texts) {
    if (fileKind(path) !== "yaml" || !text2.includes(ARGO) || !mayRankOverValues(text2)) continue;
    const incoming = byRepository(updatesFor(path).filter((update) => update.image.tag !== void 0));
    if (incoming.size === 0 || !values.mayRead(text2, incoming)) continue;
    const file = tryYamlFile(text2.replace(/^\uFEFF/, ""));
    if (!file) continue;
    for (const document of file.documents) yield [path, file, document];
  }
}
function warnLoneParameters(path, text2, file, root, source, layers, updates, warnings) {
  const incoming = byRepository(updates.filter((update) => update.image.tag !== void 0));
  if (layers.length === 0 || incoming.size === 0) return;
  const parameters = parametersAt(root, source);
  const siblings = parameters.map(([other]) => leafOf(other));
  for (const [name, field2] of parameters) {
    const [prefix, leaf] = leafOf(name);
    if (leaf !== "tag" || !isFlowScalar(field2.node) || hasPlaceholder(field2.node.text)) continue;
    if (siblings.some(([p, l]) => p === prefix && REPOSITORY_KEYS.includes(l))) continue;
    const keys = keysOf2(prefix);
    const paired2 = valuesObjectAt(file, root, source, keys);
    if (paired2 && splitImage(paired2).repository !== void 0) continue;
    const held = repositoryIn(layers, keys, incoming, field2.node.text);
    const key = formatPath(field2.path);
    const line = lineAt(text2, field2.node.start);
    if (held && "unknown" in held) {
      warnings.push(unknownRegistryTag(path, line, key, held));
      continue;
    }
    if (!held || nextVersion(held, versionOf(field2.node.text, void 0)) === void 0) continue;
    const { advice, about } = overrideAdvice(key, held.image.repository, { file: path, part: "tag" });
    warnings.push({
      file: path,
      line,
      message: `${key} (parameter ${parameterName(name)}) overrides the tag of ${held.image.repository} (${held.at}), as Argo CD ranks parameters above values files, and was not moved: ${advice}`,
      about
    });
  }
}
function keysOf2(prefix) {
  return prefix === "" ? [] : prefix.split(".");
}
var REPOSITORY_KEYS = ["repository", "name", "registry"];
function firstDocument(file) {
  return file ? { file, root: file.documents[0]?.root ?? null, at: [], line: (offset) => file.lineAt(offset) } : void 0;
}
function fieldLayer(path, text2, within2, values, ranks) {
  return {
    path,
    values,
    tell(at, node2, held) {
      const key = formatPath([...within2, ...at]);
      const line = lineAt(text2, node2.start);
      if ("unknown" in held) return unknownRegistryTag(path, line, key, held);
      const { advice, about } = overrideAdvice(key, held.image.repository, { file: path, part: "tag" });
      return { file: path, line, message: `${key} overrides the tag of ${held.image.repository} (${held.at}), ${ranks}, and was not moved: ${advice}`, about };
    }
  };
}
function valuesLayers(values, valueFiles, path, file, root, source, fieldName) {
  const files = valueFiles.map(
    ([at, text2]) => fieldLayer(at, text2, [], () => firstDocument(values.fileOf(at, text2)), "as Helm ranks a values file listed later above it")
  );
  const object = [...source, "helm", "valuesObject"];
  if (nodeAt(root, object))
    return [
      ...files,
      fieldLayer(
        path,
        file.text,
        object,
        () => ({ file, root, at: object, line: (offset) => file.lineAt(offset) }),
        "as Argo CD ranks valuesObject above values files"
      )
    ];
  const string2 = [...source, "helm", "values"];
  const held = nodeAt(root, string2);
  if (held?.kind !== "scalar" || held.text === "") return files;
  let parsed;
  const layer = {
    path,
    values() {
      const read = (parsed ??= { read: firstDocument(tryYamlFile(held.text)) }).read;
      return read && { ...read, line: () => file.lineAt(held.start) };
    },
    tell(at, _node, pair) {
      const over = "unknown" in pair ? `${pair.repository}, whose ${pair.unknown.field} (line ${pair.unknown.line}) is not known here` : `${pair.image.repository}, ${pair.at}`;
      return {
        file: path,
        line: file.lineAt(held.start),
        message: valuesStringNotEdited(string2, `${formatPath(at)} (over the tag of ${over}, as Argo CD ranks values above values files)`, fieldName),
        about: { reason: "unmoved", image: "unknown" in pair ? pair.images[0] : pair.image.repository }
      };
    }
  };
  return [...files, layer];
}
function loneValueTags(layers, parameters, inScope, updatesFor) {
  const found = [];
  layers.forEach(({ path, values: read, tell }, index2) => {
    if (index2 === 0 || !inScope(path)) return;
    const incoming = byRepository(updatesFor(path).filter((update) => update.image.tag !== void 0));
    if (incoming.size === 0) return;
    const written = read();
    if (!written) return;
    const { file, root, at: within2 } = written;
    forEachValue(nodeAt(root, within2) ?? null, ({ node: node2, path: at }) => {
      if (at[at.length - 1] !== "tag" || !isFlowScalar(node2) || hasPlaceholder(node2.text)) return;
      const keys = at.slice(0, -1);
      const fields = fieldsAt(file, root, within2, keys);
      if (!fields || [...REPOSITORY_KEYS, "image"].some((key) => fields(key) !== void 0)) return;
      const held = repositoryIn(layers.slice(0, index2), keys, incoming, node2.text);
      if (!held || !("unknown" in held) && nextVersion(held, versionOf(node2.text, void 0)) === void 0) return;
      if (parameters.some((set2) => set2.length === keys.length && hasPrefix(set2, keys)) || layers.slice(index2 + 1).some((above) => setsTag(above, keys))) return;
      found.push(tell(at, node2, held));
    });
  });
  return found;
}
function setsTag(layer, keys) {
  const written = layer.values();
  return written !== void 0 && fieldsAt(written.file, written.root, written.at, keys)?.("tag") !== void 0;
}
function unknownRegistryTag(file, line, key, { repository, unknown, images }) {
  return {
    file,
    line,
    message: unknownRegistryWarning(unknown, repository, key, images),
    about: { field: key, reason: "advised-override", image: images[0] }
  };
}
var ValuesFiles = class {
  constructor(texts) {
    this.texts = texts;
  }
  texts;
  spelling = /* @__PURE__ */ new Map();
  files = /* @__PURE__ */ new Map();
  mayRead(application, incoming) {
    return [...incoming.values()].some((update) => this.spellings(update.image)?.test(application) === true);
  }
  /** A values file parsed (null when it is no YAML): its first document's values, whose aliases it resolves. */
  fileOf(path, text2) {
    let file = this.files.get(path);
    if (file === void 0) this.files.set(path, file = tryYamlFile(text2.replace(/^\uFEFF/, "")) ?? null);
    return file;
  }
  /**
   * The directories and last two segments of the files spelling the repository, as one pattern (null:
   * none spells it). Built once, so an Application is one scan of its text: a search per file and
   * Application grew with both (quadratic in the tree's size).
   */
  spellings(image) {
    let spelled = this.spelling.get(image.repository);
    if (spelled === void 0) {
      const pattern = repositoryPattern(image);
      const needles = new Set([...this.texts].flatMap(([path, text2]) => fileKind(path) === "yaml" && pattern.test(text2) ? spellingsOf2(path) : []));
      spelled = needles.size === 0 ? null : new RegExp([...needles].map(escapeRegExp).join("|"));
      this.spelling.set(image.repository, spelled);
    }
    return spelled;
  }
};
function spellingsOf2(path) {
  return [posix2.dirname(path), path.slice(path.lastIndexOf("/", path.lastIndexOf("/") - 1) + 1)];
}
function listedPaths(root, source, sources) {
  const chart = scalarText(nodeAt(root, [...source, "path"]));
  const listed = nodeAt(root, [...source, "helm", "valueFiles"]);
  const names = listed?.kind === "seq" ? listed.items.map(scalarText) : [];
  const paths = chart === void 0 ? [] : [posix2.join(chart, "values.yaml")];
  for (const name of names) {
    if (name === void 0 || name.includes("://")) continue;
    const ref = /^\$([\w-]+)\/(.*)$/.exec(name);
    if (ref && sources.some((s) => scalarText(nodeAt(root, [...s, "ref"])) === ref[1])) paths.push(posix2.normalize(ref[2]));
    else if (!ref && chart !== void 0) paths.push(posix2.join(chart, name));
  }
  return paths.flatMap((path) => path.startsWith("..") ? [] : [path.replace(/^\.\//, "")]);
}
function valuesOf(root, source, sources, texts) {
  return listedPaths(root, source, sources).flatMap((path) => {
    const text2 = texts.get(path);
    return text2 === void 0 ? [] : [[path, text2]];
  });
}
function repositoryIn(layers, keys, incoming, tag) {
  const { repository, registry } = splitImage((key) => mergedField(layers, keys, key));
  const node2 = repository?.field.node;
  const written = scalarText(node2);
  if (!repository || !node2 || written === void 0) return void 0;
  const at = registry?.field.node;
  const read = registry && at ? readRegistry(registry.values.file, registry.values.root, at) : void 0;
  if (registry && at && isUnknownRegistry(read)) {
    const images = unknownRegistryImages(written, incoming.values(), { tag, digest: void 0 });
    const { values, field: field2, path } = registry;
    const unknown = {
      field: `${formatPath(field2.path)} in ${path}`,
      line: values.line(at.start),
      written: values.file.text.slice(at.start, at.end),
      why: read.unknown
    };
    return images.length === 0 ? void 0 : { repository: written, images, unknown };
  }
  const update = incoming.get(normalizeRepository(pairName(read, written) ?? "") ?? "");
  return update && { ...update, at: `${repository.path}:${repository.values.line(node2.start)}` };
}
function mergedField(layers, keys, key) {
  for (let i = layers.length - 1; i >= 0; i--) {
    const values = layers[i].values();
    const field2 = values && fieldsAt(values.file, values.root, values.at, keys)?.(key);
    if (field2) return { path: layers[i].path, values, field: field2 };
  }
  return void 0;
}

// src/engine/kustomize-graph.ts
import { posix as posix3 } from "node:path";
var ARGO_SOURCE_FILE = /(^|\/)\.argocd-source(-[^/]*)?\.ya?ml$/;
function mayHoldDeployer(path, text2) {
  return text2.includes("images") && (text2.includes(FLUX_KUSTOMIZE) || text2.includes(ARGO) || ARGO_SOURCE_FILE.test(path)) || mayGiveNamespace(text2);
}
function mayGiveNamespace(text2) {
  return text2.includes("targetNamespace") && text2.includes(FLUX_KUSTOMIZE);
}
function patchFilesOf(kustomizations) {
  const files = kustomizations.flatMap(
    ({ file, text: text2 }) => text2.includes("atch") ? readKustomization(file, text2, /* @__PURE__ */ new Set())?.patches.flatMap((patch) => patch.inline ? [] : [patch.file]) ?? [] : []
  );
  return [...new Set(files)];
}
var SELECTOR_FIELDS = ["group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector"];
function graphOf(tree, incoming) {
  const repositories = new Set(incoming.map((image) => image.repository));
  const byDirectory = /* @__PURE__ */ new Map();
  for (const k of tree.kustomizations) if (!byDirectory.has(posix3.dirname(k.file))) byDirectory.set(posix3.dirname(k.file), k);
  const parsed = /* @__PURE__ */ new Map();
  const at = (directory) => {
    if (!parsed.has(directory)) {
      const k = byDirectory.get(directory);
      parsed.set(directory, k && readKustomization(k.file, k.text, repositories));
    }
    return parsed.get(directory);
  };
  const tags = /* @__PURE__ */ new Map();
  const tagsOf = (k) => {
    const topDown = walk3({ at }, [k], (c) => !tags.has(c), componentsOf);
    for (const c of topDown.reverse()) {
      const components = c.components.flatMap((path) => {
        const component = at(path);
        return (component && tags.get(component)) ?? [];
      });
      tags.set(c, [...c.tags.map((name) => ({ name, file: c.file })), ...components]);
    }
    return tags.get(k);
  };
  const tokens = incoming.map(screenToken);
  const names = ({ text: text2 }) => tokens.some((token) => text2.includes(token));
  const hasKustomization = (directory) => byDirectory.has(directory);
  const deployers = tree.deployers.filter(names).flatMap(({ file, text: text2 }) => readDeployers(file, text2, repositories, hasKustomization, tree));
  const naming = [...byDirectory].filter(([, k]) => names(k)).map(([directory]) => directory);
  let fluxBuilds;
  return {
    directories: [...byDirectory.keys()],
    naming,
    at,
    has: hasKustomization,
    tagsOf,
    deployers,
    fluxBuilds: () => fluxBuilds ??= tree.deployers.flatMap(({ file, text: text2 }) => readFluxKustomizations(file, text2, hasKustomization, tree))
  };
}
var componentsOf = (k) => k.components;
function walk3({ at }, starts, through = () => true, via = (k) => [...k.resources, ...k.components]) {
  const done = [];
  const seen = /* @__PURE__ */ new Set();
  const children2 = (k) => via(k).flatMap((path) => at(path) ?? []);
  for (const start of starts) {
    if (seen.has(start) || !through(start)) continue;
    seen.add(start);
    const stack = [{ k: start, next: children2(start) }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const child = top.next.pop();
      if (child === void 0) {
        done.push(top.k);
        stack.pop();
      } else if (!seen.has(child) && through(child)) {
        seen.add(child);
        stack.push({ k: child, next: children2(child) });
      }
    }
  }
  return done.reverse();
}
function buildsOf(graph, kustomizations) {
  const { tagsOf, has } = graph;
  const among = new Set(kustomizations);
  const given = new Map(
    kustomizations.flatMap((k) => {
      const directory = posix3.dirname(k.file);
      return graph.at(directory) === k ? [[directory, k]] : [];
    })
  );
  const at = (directory) => given.get(directory);
  const included = new Set(kustomizations.flatMap((k) => [...k.resources, ...k.components].flatMap((path) => at(path) ?? [])));
  const roots = kustomizations.filter((k) => !k.component && !included.has(k));
  const reached = (through) => {
    const files = /* @__PURE__ */ new Set();
    for (const k of walk3({ at }, roots, (k2) => among.has(k2) && through(k2))) {
      files.add(k.file);
      for (const path of [...k.resources, ...k.components]) if (!at(path) && !has(path)) files.add(path);
    }
    return files;
  };
  let every;
  const byName = /* @__PURE__ */ new Map();
  const asWritten2 = (name) => {
    let files = byName.get(name);
    if (!files) byName.set(name, files = reached((k) => !tagsOf(k).some((tag) => tag.name === name)));
    return files;
  };
  let namespaced;
  const namespaces = (file) => [...(namespaced ??= namespacedFiles({ at }, roots, among)).get(file)?.values() ?? []];
  return { reached: () => every ??= reached(() => true), asWritten: asWritten2, namespaces };
}
function namespacesOf(tree) {
  if (!tree.kustomizations.some(({ text: text2 }) => text2.includes("namespace")) && !tree.deployers.some(({ text: text2 }) => mayGiveNamespace(text2))) return () => [];
  let read;
  const known = /* @__PURE__ */ new Map();
  return (file) => {
    const namespaces = known.get(file);
    if (namespaces) return namespaces;
    if (!read) {
      const graph2 = graphOf(tree, []);
      const fluxBuilds = graph2.fluxBuilds();
      const places = new Map([...graph2.directories, ...fluxBuilds].map((k, i) => [k, i]));
      read = { graph: graph2, above: upward(tree, graph2, fluxBuilds), place: (k) => places.get(k) ?? places.get(posix3.dirname(k.file)) };
    }
    const { graph, above, place } = read;
    const builds = above.up(file).sort((a, b) => place(a) - place(b));
    const found = builds.length === 0 ? [] : buildsOf(graph, builds).namespaces(file);
    known.set(file, found);
    return found;
  };
}
function upward(tree, graph, deployers) {
  const { kustomizations } = tree;
  const parents = /* @__PURE__ */ new Map();
  const directories = kustomizations.map(({ file }) => posix3.dirname(file));
  const unscreened = kustomizations.map(({ text: text2 }) => NOT_NORMAL.test(text2));
  const read = (i) => {
    const k = graph.at(directories[i]);
    return k?.file === kustomizations[i].file ? k : void 0;
  };
  const screened = (path) => {
    const lists = (k) => k.resources.includes(path) || k.components.includes(path);
    const mayList = listScreen(path);
    const found = kustomizations.flatMap(({ text: text2 }, i) => {
      if (!unscreened[i] && !mayList(directories[i], text2)) return [];
      const k = read(i);
      return k && lists(k) ? [k] : [];
    });
    return [...found, ...deployers.filter(lists)];
  };
  let listing;
  const parentsOf = (path) => {
    const known = parents.get(path);
    if (known) return known;
    if (!listing && parents.size >= SCREENED_PATHS)
      listing = listingOf(
        kustomizations.flatMap((_, i) => read(i) ?? []),
        deployers
      );
    const found = listing ? listing.get(path) ?? [] : screened(path);
    parents.set(path, found);
    return found;
  };
  const up = (start, passing = () => true) => {
    const found = /* @__PURE__ */ new Set();
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      for (const k of parentsOf(queue[i])) {
        if (found.has(k) || !passing(k)) continue;
        found.add(k);
        if (graph.at(posix3.dirname(k.file)) === k) queue.push(posix3.dirname(k.file));
      }
    }
    return [...found];
  };
  return { parentsOf, up };
}
function listedAs(graph, file) {
  const directory = posix3.dirname(file);
  return isKustomizationFile(file) && graph.at(directory)?.file === file ? directory : file;
}
function buildsReaching(tree, graph, files) {
  const above = upward(tree, graph, graph.deployers);
  const found = /* @__PURE__ */ new Set();
  for (const file of files) for (const k of above.up(listedAs(graph, file), (k2) => !found.has(k2))) found.add(k);
  return buildsOf(graph, [...found]);
}
var SCREENED_PATHS = 64;
function listingOf(kustomizations, deployers) {
  const listing = /* @__PURE__ */ new Map();
  for (const k of [...kustomizations, ...deployers]) {
    for (const path of /* @__PURE__ */ new Set([...k.resources, ...k.components])) {
      const listed = listing.get(path);
      if (listed) listed.push(k);
      else listing.set(path, [k]);
    }
  }
  return listing;
}
var NOT_NORMAL = /[^./\s]\/\.\.?(?![^/\s'",\]}#])|[^:/\s]\/\//;
function listScreen(path) {
  const parent = posix3.dirname(path);
  const name = posix3.basename(path);
  const tail = `${posix3.basename(parent)}/${name}`;
  return (directory, text2) => {
    if (path === "." || directory.startsWith(`${path}/`)) return text2.includes("..");
    if (parent === "." || directory === parent || directory.startsWith(`${parent}/`)) return text2.includes(name);
    return text2.includes(tail);
  };
}
function namespacedFiles(graph, roots, among) {
  const into = /* @__PURE__ */ new Map();
  const add = (to, namespace) => {
    const known = into.get(to) ?? /* @__PURE__ */ new Map();
    into.set(to, known);
    if (!known.has(namespace.namespace)) known.set(namespace.namespace, namespace);
  };
  for (const root of roots) add(root, {});
  for (const k of walk3(graph, roots, (k2) => among.has(k2))) {
    const own = k.namespace === void 0 ? {} : { namespace: k.namespace, by: k.file };
    const given = [...into.get(k)?.values() ?? []].map((above) => above.namespace === void 0 ? own : above);
    for (const path of [...k.resources, ...k.components]) for (const namespace of given) add(graph.at(path) ?? path, namespace);
  }
  return new Map([...into].flatMap(([to, namespaces]) => typeof to === "string" ? [[to, namespaces]] : []));
}
function readKustomization(file, text2, repositories) {
  const yaml = tryYamlFile(text2);
  const root = yaml?.documents[0]?.root;
  if (yaml === void 0 || root?.kind !== "map") return void 0;
  const directory = posix3.dirname(file);
  const list = (key) => {
    const node2 = mapValue(root, key);
    return node2?.kind === "seq" ? [...node2.items] : [];
  };
  const paths = (nodes) => nodes.flatMap((node2) => inTree(directory, scalarText(node2)) ?? []);
  const patchFiles = (key) => list(key).flatMap((patch) => patch.kind === "map" ? mapValue(patch, "path") ?? [] : []);
  const namespace = scalarText(mapValue(root, "namespace"));
  return {
    file,
    ...namespace && { namespace },
    component: scalarText(mapValue(root, "kind")) === "Component",
    tags: taggedNames(yaml, root, ["images"], list("images"), repositories),
    resources: [
      ...paths([...list("resources"), ...list("bases"), ...list("patchesStrategicMerge")]),
      ...paths([...patchFiles("patches"), ...patchFiles("patchesJson6902")])
    ],
    components: paths(list("components")),
    patches: [
      ...list("patches").flatMap((entry, index2) => patchOf(file, text2, entry, ["patches", index2], "either")),
      ...list("patchesStrategicMerge").flatMap((entry, index2) => patchOf(file, text2, entry, ["patchesStrategicMerge", index2], "strategic-merge")),
      ...list("patchesJson6902").flatMap((entry, index2) => patchOf(file, text2, entry, ["patchesJson6902", index2], "json6902"))
    ]
  };
}
function patchOf(file, text2, entry, at, kind2) {
  const directory = posix3.dirname(file);
  const inline = (node2, at2) => ({
    text: node2.text,
    at: at2,
    line: lineAt(text2, node2.start) + (node2.style === "literal" || node2.style === "folded" ? 1 : 0)
  });
  if (entry.kind === "scalar") {
    if (/[:\n]/.test(entry.text)) return [{ file, inline: inline(entry, at), kind: kind2 }];
    const path2 = inTree(directory, entry.text);
    return path2 === void 0 ? [] : [{ file: path2, kind: kind2 }];
  }
  if (entry.kind !== "map") return [];
  const selector = mapValue(entry, "target");
  const target = selector?.kind === "map" ? Object.fromEntries(
    SELECTOR_FIELDS.flatMap((key) => {
      const value = scalarText(mapValue(selector, key));
      return value === void 0 ? [] : [[key, value]];
    })
  ) : void 0;
  const written = mapValue(entry, "patch");
  if (written?.kind === "scalar") return [{ file, inline: inline(written, [...at, "patch"]), kind: kind2, ...target && { target } }];
  const path = inTree(directory, scalarText(mapValue(entry, "path")));
  return path === void 0 ? [] : [{ file: path, kind: kind2, ...target && { target } }];
}
function readDeployers(file, text2, repositories, hasKustomization, tree) {
  const yaml = tryYamlFile(text2);
  if (yaml === void 0) return [];
  const deployer = (tags, path) => tags.length === 0 || path === void 0 || !hasKustomization(path) ? [] : [{ file, component: false, tags, resources: [path], components: [], patches: [] }];
  if (ARGO_SOURCE_FILE.test(file)) {
    const images = nodeAt(yaml.documents[0]?.root ?? null, ["kustomize", "images"]);
    return deployer(argoTaggedNames(images, repositories), posix3.dirname(file));
  }
  return yaml.documents.flatMap((document) => {
    const { root } = document;
    if (root?.kind !== "map") return [];
    const { apiVersion, kind: kind2 } = document.object;
    if (kind2 === "Application" && inGroup(apiVersion, ARGO))
      return sourcesOf(document).flatMap(
        (source) => deployer(
          argoTaggedNames(nodeAt(root, [...source, "kustomize", "images"]), repositories),
          rootPath(scalarText(nodeAt(root, [...source, "path"])), tree.treeRoot)
        )
      );
    if (!isFluxKustomization(document.object)) return [];
    const images = nodeAt(root, ["spec", "images"]);
    const tags = images?.kind === "seq" ? taggedNames(yaml, root, ["spec", "images"], images.items, repositories) : [];
    return tags.length === 0 ? [] : fluxKustomization(file, root, tags, hasKustomization, tree);
  });
}
function readFluxKustomizations(file, text2, hasKustomization, tree) {
  return (tryYamlFile(text2)?.documents ?? []).flatMap(
    ({ root, object }) => root?.kind === "map" && isFluxKustomization(object) ? fluxKustomization(file, root, [], hasKustomization, tree) : []
  );
}
function fluxKustomization(file, root, tags, hasKustomization, { files, treeRoot }) {
  const path = rootPath(scalarText(nodeAt(root, ["spec", "path"])), treeRoot);
  const resources = path === void 0 ? [] : hasKustomization(path) ? [path] : generatedResources(path, hasKustomization, files);
  if (path === void 0 || resources.length === 0) return [];
  const listed = nodeAt(root, ["spec", "components"]);
  const components = listed?.kind === "seq" ? listed.items.flatMap((node2) => inTree(path, scalarText(node2)) ?? []) : [];
  const namespace = scalarText(nodeAt(root, ["spec", "targetNamespace"]));
  return [{ file, component: false, tags, resources, components, patches: [], ...namespace && { namespace } }];
}
function argoTaggedNames(list, repositories) {
  if (list?.kind !== "seq") return [];
  return list.items.flatMap((item) => {
    const text2 = scalarText(item);
    if (text2 === void 0) return [];
    const named2 = namedImageString(text2);
    const ref = named2 ? void 0 : tryParseImageRef(text2);
    const name = named2 ? text2.slice(0, literalIndexOf(text2, "=")) : ref?.name;
    const version = named2 ? named2.version : ref;
    if (!name || !repositories.has(normalizeRepository(name) ?? "")) return [];
    return version?.tag !== void 0 || version?.digest !== void 0 ? [name] : [];
  });
}
function rootPath(path, treeRoot) {
  const fromRoot = inTree(".", path || ".");
  const directory = fromRoot === void 0 ? void 0 : treeDirectory(fromRoot === "." ? "" : fromRoot, treeRoot);
  return directory === "" ? "." : directory;
}
function generatedResources(directory, hasKustomization, tree) {
  const resources = /* @__PURE__ */ new Set();
  const prefix = directory === "." ? "" : `${directory}/`;
  for (const file of tree) {
    if (!file.startsWith(prefix) || !/\.ya?ml$/.test(file)) continue;
    const steps = file.slice(prefix.length).split("/");
    const built = steps.slice(0, -1).findIndex((_, i) => hasKustomization(prefix + steps.slice(0, i + 1).join("/")));
    resources.add(built < 0 ? file : prefix + steps.slice(0, built + 1).join("/"));
  }
  return [...resources];
}
function taggedNames(file, root, path, entries, repositories) {
  return entries.flatMap((entry, index2) => {
    if (entry.kind !== "map") return [];
    const read = fieldsOf(file, root, entry, [...path, index2], false);
    const field2 = (key) => scalarText(read(key)?.node);
    const name = field2("name");
    if (!name || !repositories.has(normalizeRepository(name) ?? "")) return [];
    const setsVersion = !!field2("newTag") || !!field2("digest") || repositories.has(normalizeRepository(field2("newName") || name) ?? "");
    return setsVersion ? [name] : [];
  });
}
function inTree(directory, path) {
  if (!path || path.includes("://") || path.includes("\n")) return void 0;
  const joined2 = posix3.normalize(posix3.join(directory, path)).replace(/\/+$/, "");
  return joined2 === ".." || joined2.startsWith("../") || posix3.isAbsolute(joined2) ? void 0 : joined2;
}

// src/engine/kustomizations.ts
var IMAGE_VALUE = /\bimage["']?\s*:\s*(?:&[^\s,{}[\]]+\s+)?["']?([^\s"'#,{}[\]]+)/g;
var OP_VALUE = /\bvalue["']?\s*:\s*["']?([^\s"'#,{}[\]]+)/g;
function mayHoldBareImage(text2, repositories) {
  for (const { value } of imageValues(text2)) {
    const ref = tryParseImageRef(value);
    if (ref && ref.tag === void 0 && ref.digest === void 0 && repositories.has(ref.repository)) return true;
  }
  return false;
}
function* imageValues(text2) {
  const found = (match) => ({ value: match[1], start: match.index + match[0].length - match[1].length });
  for (const match of text2.matchAll(IMAGE_VALUE)) yield found(match);
  if (text2.includes("/image")) for (const match of text2.matchAll(OP_VALUE)) yield found(match);
}
var TAGGERS_NAMED = 5;
function taggersWords({ first, others }) {
  return andList(others ? [...first, "others"] : first);
}
var Taggers = class {
  kept = [];
  more = false;
  edited = false;
  add(file, edited) {
    this.edited ||= edited;
    const at = partitionPoint(this.kept.length, (i) => this.kept[i] < file);
    if (this.kept[at] === file) return;
    if (at === TAGGERS_NAMED) {
      this.more = true;
      return;
    }
    this.kept.splice(at, 0, file);
    if (this.kept.length > TAGGERS_NAMED) {
      this.kept.pop();
      this.more = true;
    }
  }
  /** Adds all of `other`'s: what it no longer holds was past its first, so past these too. */
  merge(other) {
    for (const file of other.kept) this.add(file, false);
    this.more ||= other.more;
    this.edited ||= other.edited;
  }
  get files() {
    return { first: [...this.kept], others: this.more };
  }
};
function addTaggers(into, name, owner, add) {
  const byOwner = into.get(name) ?? /* @__PURE__ */ new Map();
  into.set(name, byOwner);
  const taggers = byOwner.get(owner) ?? new Taggers();
  byOwner.set(owner, taggers);
  add(taggers);
}
function mergeTags(into, from) {
  for (const [name, byOwner] of from) for (const [owner, taggers] of byOwner) addTaggers(into, name, owner, (kept) => kept.merge(taggers));
}
function kustomizeTagged(tree, incoming, owners = { ownerOf: () => void 0, edited: () => false }) {
  const graph = graphOf(tree, incoming);
  const { directories, naming, at, tagsOf, deployers } = graph;
  const tagging = [...naming.flatMap((directory) => at(directory) ?? []).filter((k) => k.tags.length > 0), ...deployers];
  const builds = tagging.some((k) => k.component) ? [...directories.flatMap((directory) => at(directory) ?? []), ...deployers] : tagging;
  const byKustomization = /* @__PURE__ */ new Map();
  const byFile = /* @__PURE__ */ new Map();
  const tagsAt = (map2, key) => {
    const known = map2.get(key);
    if (known) return known;
    const tags = /* @__PURE__ */ new Map();
    map2.set(key, tags);
    return tags;
  };
  const starts = builds.filter((k) => tagsOf(k).length > 0);
  for (const k of walk3(graph, starts)) {
    const tags = tagsAt(byKustomization, k);
    for (const { name, file } of tagsOf(k)) addTaggers(tags, name, owners.ownerOf(file), (taggers) => taggers.add(file, owners.edited(file)));
    mergeTags(tagsAt(byFile, k.file), tags);
    for (const path of [...k.resources, ...k.components]) {
      const child = at(path);
      mergeTags(child ? tagsAt(byKustomization, child) : tagsAt(byFile, path), tags);
    }
  }
  let reaching;
  const retags = (file, name) => everyBuildRetags(reaching ??= buildsReaching(tree, graph, byFile.keys()), file, name);
  const tagged = /* @__PURE__ */ new Map();
  for (const [file, tags] of byFile) {
    const own = owners.ownerOf(file);
    const retagged = [...tags].filter(([name]) => retags(file, name));
    if (retagged.length === 0) continue;
    const names = retagged.map(([name, byOwner]) => {
      const counted2 = new Taggers();
      const elsewhere = /* @__PURE__ */ new Map();
      for (const [owner, taggers] of byOwner) {
        if (owner === void 0 || owner === own) counted2.merge(taggers);
        else elsewhere.set(owner, taggers.files);
      }
      return [name, { by: counted2.files, edited: counted2.edited, elsewhere }];
    });
    tagged.set(file, new Map(names));
  }
  return tagged;
}
function retaggedInEveryBuild(tree, incoming) {
  const graph = graphOf(tree, incoming);
  const all = [...graph.directories.flatMap((directory) => graph.at(directory) ?? []), ...graph.deployers];
  const builds = buildsOf(graph, all);
  const names = [...new Set(all.flatMap((k) => graph.tagsOf(k).map((tag) => tag.name)))];
  const retagged = /* @__PURE__ */ new Map();
  for (const file of builds.reached()) {
    const every = names.filter((name) => everyBuildRetags(builds, file, name));
    if (every.length > 0) retagged.set(file, new Set(every));
  }
  return retagged;
}
function everyBuildRetags(builds, file, name) {
  return !builds.asWritten(name).has(file);
}
function retaggedAt(text2, repository, names) {
  const at = /* @__PURE__ */ new Set();
  for (const { value, start } of imageValues(text2)) {
    const ref = tryParseImageRef(value);
    if (ref?.repository === repository && names.has(ref.name)) at.add(start);
  }
  return at;
}

// src/engine/kustomize-patches.ts
import { posix as posix4 } from "node:path";
var VALUE_OPS2 = /* @__PURE__ */ new Set(["add", "replace"]);
function patchDocuments(patch, text2) {
  return refusedOpList(text2, patch.inline !== void 0) ? [] : yamlDocuments(patch, text2);
}
function refusedPatchDocuments(patch, text2) {
  return refusedOpList(text2, patch.inline !== void 0) ? yamlDocuments(patch, text2) : [];
}
function yamlDocuments(patch, text2) {
  const yaml = tryYamlFile(text2.replace(/^\uFEFF/, ""));
  if (!yaml) return [];
  const inline = patch.inline;
  const at = inline && formatPath(inline.at);
  const lineOf2 = (node2) => (inline ? inline.line - 1 : 0) + lineAt(text2, node2.start);
  return yaml.documents.flatMap(({ root }, index2) => {
    const document = inline ? 0 : index2;
    const fields = [];
    const add = (node2, path, written2, op) => {
      const key = at === void 0 ? formatPath(written2) : op && op.line === void 0 ? `${at}${formatPath(written2)}` : `${at}: ${formatPath(written2)}`;
      fields.push({ path, node: node2, key, line: lineOf2(node2), op });
    };
    const values = () => fields.filter((field2) => isFlowScalar(field2.node));
    if (patch.kind !== "strategic-merge" && isOpList(root) && root?.kind === "seq") {
      if (!patch.target) return [];
      const wholes = [];
      root.items.forEach((op, i) => {
        const name = op.kind === "map" ? scalarText(mapValue(op, "op")) : void 0;
        const pointer = op.kind === "map" ? scalarText(mapValue(op, "path")) : void 0;
        if (name === "remove" && pointer !== void 0) wholes.push({ name, pointer, path: pointerPath(pointer), deletes: true });
        if (op.kind !== "map" || !VALUE_OPS2.has(name ?? "")) return;
        const written2 = { name, pointer, path: pointerPath(pointer) };
        if (name !== "add" || typeof written2.path[written2.path.length - 1] !== "number") wholes.push(written2);
        forEachValue(mapValue(op, "value") ?? null, ({ node: node2, path }) => add(node2, [...written2.path, ...path], [i, "value", ...path], written2));
      });
      return [{ patch, document, selector: patch.target, fields, values: values(), wholes, yaml, root }];
    }
    if (patch.kind === "json6902" || root?.kind !== "map") return [];
    const directives = [];
    const nulls = /* @__PURE__ */ new Map();
    forEachValue(root, ({ node: node2, path }) => {
      if (deletesKey(root, node2, path)) nulls.set(node2, { name: "null", pointer: formatPath(path), path, line: lineOf2(node2), deletes: true });
      const directive = directiveOf(root, node2, path);
      if (node2.kind !== "map" || directive !== "replace" && directive !== "delete") return;
      const name = `${DIRECTIVE}: ${directive}`;
      directives.push({ name, pointer: formatPath(path), path, line: lineOf2(mapValue(node2, DIRECTIVE)), deletes: directive === "delete" });
    });
    directives.sort((a, b) => a.path.length - b.path.length);
    forEachValue(root, ({ node: node2, path }) => {
      if (path.includes(DIRECTIVE)) return;
      const whole = directives.find((r) => hasPrefix(path, r.path));
      add(node2, path, path, whole);
    });
    const metadata = (key) => scalarText(nodeAt(root, ["metadata", key]));
    const own = { kind: scalarText(mapValue(root, "kind")), name: metadata("name"), namespace: metadata("namespace") };
    const written = values().filter((value) => !nulls.has(value.node));
    return [{ patch, document, selector: patch.target ?? own, fields, values: written, wholes: [...directives, ...nulls.values()], yaml, root }];
  });
}
function resourcesOf(file, text2) {
  const yaml = tryYamlFile(text2.replace(/^\uFEFF/, ""));
  if (!yaml) return [];
  return yaml.documents.flatMap(
    ({ root, object }, document) => root?.kind === "map" && object.kind !== void 0 ? [{ file, document, yaml, root, apiVersion: object.apiVersion, kind: object.kind, name: object.name, namespace: object.namespace }] : []
  );
}
function selects(selector, resource) {
  if (selector.labelSelector !== void 0 || selector.annotationSelector !== void 0) return void 0;
  const [group, version] = splitApiVersion(resource.apiVersion);
  const fields = [
    [selector.group, group],
    [selector.version, version],
    [selector.kind, resource.kind],
    [selector.name, resource.name],
    [selector.namespace, resource.namespace]
  ];
  return fields.every(([pattern, value]) => pattern === void 0 || pattern === "" || matchesWhole(pattern, value ?? ""));
}
function splitApiVersion(apiVersion) {
  const slash = apiVersion?.indexOf("/") ?? -1;
  return slash < 0 ? ["", apiVersion ?? ""] : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
}
function matchesWhole(pattern, value) {
  try {
    return new RegExp(`^(?:${pattern})$`).test(value);
  } catch {
    return false;
  }
}
function helmTagMapping({ path }) {
  return path.length > 3 && path[0] === "spec" && path[1] === "values" && path[path.length - 1] === "tag" ? path.slice(0, -1) : void 0;
}
function helmRepository(doc, resource, mapping, merged) {
  const pair = helmPair(doc, resource, mapping, merged);
  const name = pair && pairName(pair.registry, pair.repository);
  if (name === void 0) return void 0;
  const normal = normalizeRepository(name);
  return normal === void 0 ? void 0 : { name, repository: normal };
}
function helmPair(doc, resource, mapping, merged = replacingOp(doc, mapping) === void 0) {
  const own = ownField(doc, mapping);
  const patched = splitImage((key) => own(key)?.node);
  const image = merged ? splitImage((key) => nodeAt(resource.root, [...mapping, key]) ?? void 0) : void 0;
  const repository = scalarText(patched.repository ?? image?.repository);
  if (repository === void 0) return void 0;
  const registryField = own("registry");
  if (!image || registryField || ownPair2(own)) {
    return { repository, registry: readRegistry(doc.yaml, doc.root, registryField?.node), registryField };
  }
  return { repository, registry: readRegistry(resource.yaml, resource.root, image.registry), registryField };
}
function replacingOp(doc, mapping) {
  return doc.fields.find((f) => f.op !== void 0 && f.op.path.length <= mapping.length && hasPrefix(f.path, mapping))?.op;
}
function ownPair2(own) {
  const { repository, registry } = splitImage(own);
  return repository !== void 0 && (registry !== void 0 || own("repository") === void 0);
}
function ownField(doc, mapping) {
  return (key) => doc.fields.find((f) => f.path.length === mapping.length + 1 && f.path[mapping.length] === key && hasPrefix(f.path, mapping));
}
function versionsSet(doc, resource, repositories) {
  const set2 = /* @__PURE__ */ new Set();
  for (const mapping of replacedPairs(doc, resource)) {
    const repository = resourcePair(resource, mapping)?.repository;
    if (repository && repositories.has(repository)) set2.add(repository);
  }
  for (const value of doc.values) {
    if (value.path[value.path.length - 1] === "image") {
      const ref = tryParseImageRef(value.node.text);
      if (ref && (ref.tag !== void 0 || ref.digest !== void 0) && repositories.has(ref.repository)) set2.add(ref.repository);
      continue;
    }
    const mapping = helmTagMapping(value);
    if (!mapping) continue;
    const replaced = replacingOp(doc, mapping) && resourcePair(resource, mapping)?.repository;
    for (const repository of [helmRepository(doc, resource, mapping)?.repository, replaced]) {
      if (repository && repositories.has(repository)) set2.add(repository);
    }
  }
  return set2;
}
function replacedPairs(doc, resource) {
  return doc.wholes.flatMap(({ path }) => {
    const mappings = [];
    forEachValue(nodeAt(resource.root, path) ?? null, (at) => {
      const mapping = helmTagMapping({ path: [...path, ...at.path] });
      if (mapping) mappings.push(mapping);
    });
    return mappings;
  });
}
function resourcePair(resource, mapping) {
  const image = splitImage((key) => nodeAt(resource.root, [...mapping, key]) ?? void 0);
  const written = scalarText(image.repository);
  if (written === void 0) return void 0;
  const registry = readRegistry(resource.yaml, resource.root, image.registry);
  const name = pairName(registry, written);
  return { written, line: resource.yaml.lineAt(image.repository.start), registry, repository: name === void 0 ? void 0 : normalizeRepository(name) };
}
function loneTags(doc) {
  return doc.values.flatMap((value) => {
    const mapping = helmTagMapping(value);
    if (!mapping || hasPlaceholder(value.node.text) || replacingOp(doc, mapping)) return [];
    const own = ownField(doc, mapping);
    return ownPair2(own) ? [] : [{ value, mapping, ownRepository: splitImage(own).repository !== void 0 }];
  });
}
function replacedTags(doc) {
  return doc.values.flatMap((value) => {
    const mapping = helmTagMapping(value);
    const op = mapping && replacingOp(doc, mapping);
    if (!op || op.deletes || hasPlaceholder(value.node.text) || splitImage(ownField(doc, mapping)).repository !== void 0) return [];
    return [{ value, mapping, op }];
  });
}
function pairOf(doc, tag, resource) {
  const pair = helmRepository(doc, resource, tag.mapping);
  const image = splitImage((key) => nodeAt(resource.root, [...tag.mapping, key]) ?? void 0);
  const node2 = tag.ownRepository ? image.registry : image.repository;
  return pair && node2 ? { ...pair, line: resource.yaml.lineAt(node2.start) } : void 0;
}
function givesRegistry(tag, resource) {
  const node2 = nodeAt(resource.root, [...tag.mapping, "registry"]);
  return readRegistry(resource.yaml, resource.root, node2) !== void 0;
}
function unknownRegistryOf(doc, tag, resource) {
  const pair = helmPair(doc, resource, tag.mapping);
  if (!pair || !isUnknownRegistry(pair.registry)) return void 0;
  const own = pair.registryField;
  const path = [...tag.mapping, "registry"];
  const node2 = own?.node ?? nodeAt(resource.root, path);
  const yaml = own ? doc.yaml : resource.yaml;
  const field2 = own ? `${own.key} in ${doc.patch.file}` : `${formatPath(path)} in ${resource.file}`;
  return {
    repository: pair.repository,
    registry: { field: field2, line: own ? own.line : yaml.lineAt(node2.start), written: yaml.text.slice(node2.start, node2.end), why: pair.registry.unknown }
  };
}
function patchReader({ patches }, documents2 = patchDocuments) {
  const read = /* @__PURE__ */ new Map();
  return (k) => {
    let found = read.get(k);
    if (!found) {
      found = k.patches.flatMap((patch) => {
        const text2 = patch.inline?.text ?? patches.get(patch.file);
        return text2 === void 0 ? [] : documents2(patch, text2);
      });
      read.set(k, found);
    }
    return found;
  };
}
function setsVersionIn(documents2, resources, repository) {
  const only = /* @__PURE__ */ new Set([repository]);
  return documents2.some((doc) => resources.some((resource) => selects(doc.selector, resource) !== false && versionsSet(doc, resource, only).size > 0));
}
async function pairedTagsOf(tree, incoming, read) {
  const repositories = new Set(incoming.map((image) => image.repository));
  const graph = graphOf(tree, incoming);
  const documentsOf = patchReader(tree);
  const refusedOf = patchReader(tree, refusedPatchDocuments);
  const resources = /* @__PURE__ */ new Map();
  const resourcesAt = (path) => {
    let found = resources.get(path);
    if (!found) resources.set(path, found = read(path).then((text2) => text2 === void 0 ? [] : resourcesOf(path, text2)));
    return found;
  };
  const paired2 = /* @__PURE__ */ new Map();
  const unpaired = /* @__PURE__ */ new Map();
  const unknownRegistry = /* @__PURE__ */ new Map();
  const replaced = /* @__PURE__ */ new Map();
  const refused = /* @__PURE__ */ new Map();
  for (const { file, text: text2 } of tree.kustomizations) {
    const k = text2.includes("atch") ? graph.at(posix4.dirname(file)) : void 0;
    const documents2 = k?.file === file ? documentsOf(k) : [];
    const lone = documents2.flatMap((doc) => loneTags(doc).map((tag) => ({ doc, tag })));
    const wholes = documents2.flatMap((doc) => replacedTags(doc).map((tag) => ({ doc, tag })));
    const misread = k?.file === file ? refusedOf(k).flatMap((doc) => loneTags(doc).map((tag) => ({ doc, tag }))) : [];
    if (lone.length === 0 && wholes.length === 0 && misread.length === 0) continue;
    const built = (await Promise.all(builtFiles(graph, k).map(resourcesAt))).flat();
    for (const { doc, tag } of misread) {
      const over = built.some((resource) => selects(doc.selector, resource) !== false && repositories.has(pairOf(doc, tag, resource)?.repository ?? ""));
      if (over) refused.set(`${doc.patch.file}:${doc.document}:${tag.value.key}`, { file: doc.patch.file, document: doc.document, key: tag.value.key });
    }
    for (const { doc, tag } of wholes) {
      const at = `${doc.patch.file}:${doc.document}:${tag.value.key}`;
      const over = replaced.has(at) ? void 0 : replacedOver(doc, tag, built, repositories);
      if (over) replaced.set(at, over);
    }
    for (const { doc, tag } of lone) {
      const at = `${doc.patch.file}:${doc.document}:${tag.value.key}`;
      if (paired2.has(at) || unpaired.has(at) || unknownRegistry.has(at)) continue;
      const picked = built.flatMap((resource) => {
        const selected = selects(doc.selector, resource);
        return selected === false ? [] : [{ resource, selected }];
      });
      if (tag.ownRepository && !picked.some(({ resource }) => givesRegistry(tag, resource))) continue;
      const holders = picked.flatMap(({ resource }) => {
        const pair = pairOf(doc, tag, resource);
        return pair && (tag.ownRepository || repositories.has(pair.repository)) ? [{ ...pair, base: `${resource.file}:${pair.line}` }] : [];
      });
      const { line, key } = tag.value;
      const { ownRepository } = tag;
      const field2 = ownRepository ? ownField(doc, tag.mapping)("repository") : void 0;
      const written = field2 && scalarText(field2.node);
      const repositoryField = field2 && written !== void 0 ? { written, line: field2.line } : void 0;
      const where2 = {
        file: doc.patch.file,
        document: doc.document,
        key,
        line,
        inline: !!doc.patch.inline,
        written: tag.value.node.text,
        ownRepository,
        repositoryField
      };
      if (holders.length === 0) {
        const unknown = picked.map(({ resource }) => unknownRegistryOf(doc, tag, resource)).find((pair) => pair !== void 0);
        if (unknown) unknownRegistry.set(at, { ...where2, ...unknown });
        continue;
      }
      const { repository, name, base } = holders[0];
      if (picked.length === 1 && picked[0].selected) paired2.set(at, { ...where2, repository, name, base });
      else {
        const why = picked.some(({ selected }) => selected === void 0) ? "a label or annotation selector" : `kind and name to ${picked.length} resources`;
        unpaired.set(at, { ...where2, repository, bases: holders.map((h) => h.base), why });
      }
    }
  }
  return {
    paired: [...paired2.values()],
    unpaired: [...unpaired.values()],
    unknownRegistry: [...unknownRegistry.values()],
    replaced: [...replaced.values()],
    refused: [...refused.values()]
  };
}
function replacedOver(doc, tag, built, repositories) {
  const { value, mapping, op } = tag;
  for (const resource of built) {
    if (selects(doc.selector, resource) === false) continue;
    const pair = resourcePair(resource, mapping);
    if (!pair) continue;
    const over = [.../* @__PURE__ */ new Set([pair.repository, helmRepository(doc, resource, mapping, true)?.repository])].flatMap(
      (r) => r !== void 0 && repositories.has(r) ? [r] : []
    );
    if (over.length === 0) continue;
    const { written, line, registry } = pair;
    return {
      file: doc.patch.file,
      key: value.key,
      line: value.line,
      written: value.node.text,
      repositories: over,
      op,
      mapping,
      repository: written,
      base: `${resource.file}:${line}`,
      // Written beside the repository only where the patch writes no registry of its own.
      registry: ownField(doc, mapping)("registry") || typeof registry !== "string" ? void 0 : registry
    };
  }
  return void 0;
}
function builtFiles(graph, k) {
  const files = /* @__PURE__ */ new Set();
  for (const included of walk3(graph, [k])) {
    const patches = new Set(included.patches.map((patch) => patch.file));
    for (const path of included.resources) if (!graph.at(path) && !patches.has(path)) files.add(path);
  }
  return [...files];
}
async function patchedTags(run, tree, read, warnings, mergedOver = []) {
  const { paired: paired2, unpaired, unknownRegistry, replaced, refused } = await pairedTagsOf(tree, run.valid.images, read);
  const byFile = /* @__PURE__ */ new Map();
  const pair = (tag, name) => {
    if (!run.inScope(tag.file) || run.overridden(tag.file, tag.key)) return;
    const documents2 = byFile.get(tag.file) ?? /* @__PURE__ */ new Map();
    byFile.set(tag.file, documents2.set(tag.document, (documents2.get(tag.document) ?? /* @__PURE__ */ new Map()).set(tag.key, name)));
  };
  for (const tag of paired2) pair(tag, tag.name);
  for (const { file, repositoryField: field2, name } of paired2) {
    const written = field2 && normalizeRepository(field2.written);
    if (written && written !== normalizeRepository(name) && name.endsWith(`/${field2.written}`) && run.inScope(file)) {
      mergedOver.push({ file, line: field2.line, written, name, registry: name.slice(0, -field2.written.length - 1) });
    }
  }
  for (const tag of [...unpaired, ...unknownRegistry]) if (tag.ownRepository) pair(tag, void 0);
  for (const tag of refused) pair(tag, void 0);
  for (const tag of unpaired) {
    const update = run.inScope(tag.file) ? run.updatesFor(tag.file).find((u) => u.image.repository === tag.repository) : void 0;
    if (!update || nextVersion(update, versionOf(tag.written, void 0)) === void 0 || run.overridden(tag.file, tag.key)) continue;
    warnings.push(unpairedWarning(tag));
  }
  for (const tag of unknownRegistry) {
    if (!run.inScope(tag.file) || run.overridden(tag.file, tag.key)) continue;
    const images = unknownRegistryImages(tag.repository, run.updatesFor(tag.file), { tag: tag.written, digest: void 0 });
    if (images.length > 0) warnings.push(unknownRegistryTagWarning(tag, images));
  }
  for (const tag of replaced) {
    if (!run.inScope(tag.file) || run.overridden(tag.file, tag.key)) continue;
    const update = run.updatesFor(tag.file).find((u) => tag.repositories.includes(u.image.repository));
    if (update && nextVersion(update, versionOf(tag.written, void 0)) !== void 0) warnings.push(replacedWarning(tag, update.image.name));
  }
  return byFile;
}
function pairedRepositories(paired2) {
  const names = [...paired2.values()].flatMap((documents2) => [...documents2.values()].flatMap((tags) => [...tags.values()]));
  return new Set(names.flatMap((name) => normalizeRepository(name ?? "") ?? []));
}
var INLINE_PAIR = "write registry: and repository: as strings beside it in the patch, which makes it a pair of its own";
function unknownRegistryTagWarning(tag, images) {
  const { key, repository, registry, file, line, inline } = tag;
  if (inline) return { file, line, message: unknownRegistryWarning(registry, repository, key, images, INLINE_PAIR) };
  return {
    file,
    line,
    message: unknownRegistryWarning(registry, repository, key, images),
    about: { field: key, reason: "advised-override", image: images[0] }
  };
}
function unpairedWarning(tag) {
  const { key, repository, file, line, inline, why, bases } = tag;
  const { ownRepository } = tag;
  const of = ownRepository ? `(its registry from ${andList(bases)})` : `(${andList(bases)}) alone`;
  const said = `${key} sets the tag of ${repository} ${of}, but its patch applies by ${why}, so which resource it deploys is not known here, and it was not moved: `;
  if (inline) {
    const beside = ownRepository ? "registry: as a string" : `repository: ${repository}`;
    return { file, line, message: `${said}write ${beside} beside it in the patch, which makes it a pair of its own` };
  }
  const { advice, about } = overrideAdvice(key, repository, { file, part: "tag" });
  return { file, line, message: said + advice, about };
}
function replacedWarning(tag, image) {
  const { key, file, line, op, mapping, repository, registry, base } = tag;
  const fields = registry === void 0 ? `repository: ${repository}` : `registry: ${registry} and repository: ${repository}`;
  const [by, fix] = op.line === void 0 ? [`${op.name} ${op.pointer}`, `write ${fields} in the op's value, or patch ${op.pointer}${pointerOf(mapping.slice(op.path.length))}/tag alone`] : [`${op.name} in ${op.pointer} (line ${op.line})`, `write ${fields} beside the tag, or remove ${op.name} to merge the patch over the base's`];
  return {
    file,
    line,
    message: `${key} is not edited for ${image}: ${by} replaces the whole ${formatPath(mapping)} mapping, so the base's repository (${repository}, ${base}) does not apply and the image it deploys is not known here (Helm takes the chart's default); ${fix}`
  };
}
function mayHoldHelmRelease(text2) {
  return text2.includes(FLUX_HELM);
}

// src/engine/screen.ts
function screenFor(images) {
  const tokens = [MARKER_TOKEN, ...images.map(screenToken)];
  const kcl = kclScreen(images);
  const argo = yamlScreen([...tokens, FLUX_IMAGE]);
  const templated = images.flatMap((image) => [image.repository.slice(image.repository.lastIndexOf("/")), ...firstSegments(image.repository)]);
  return { kcl, yaml: yamlScreen([...tokens, FLUX_IMAGE, "Application"]), argo, templated };
}
var DOUBLE_QUOTED_ESCAPE = /"[^"\\]*\\/;
function mayHoldEscapes(text2) {
  return text2.includes("\\") && DOUBLE_QUOTED_ESCAPE.test(text2);
}
function yamlScreen(words) {
  const alternation = new RegExp(words.map(escapeRegExp).join("|"));
  return {
    exec: (text2) => alternation.exec(text2) ?? (mayHoldEscapes(text2) ? DOUBLE_QUOTED_ESCAPE.exec(text2) : null),
    test: (text2) => alternation.test(text2) || mayHoldEscapes(text2)
  };
}
function firstSegments(repository) {
  const [host, ...path] = repository.split("/");
  if (host !== "docker.io") return [host];
  return path[0] === "library" ? [host, "library", path[1]] : [host, path[0]];
}

// src/engine/unreached.ts
function warnUnreached(valid, unreached2, known, texts, defined, leftOut, warnings) {
  const marked = markedIn(texts);
  for (const image of unreached2) {
    const held = leftOut?.holding(image) ?? 0;
    const unused = unusedKeys(defined(image.repository));
    const merged = known.mergedOver?.find((m) => m.written === image.repository);
    const meant = merged && ` (the patch at ${merged.file}:${merged.line} merges over ${merged.registry} from its base: did you mean ${merged.name}?)`;
    warnings.push({
      message: leftOut && held > 0 ? `no file ${leftOut.scope} holds ${image.repository} (${held} ${held === 1 ? `file ${leftOut.rest} does` : `files ${leftOut.rest} do`})${unused}; nothing to do for ${formatImageRef(image)}${meant ?? ""}` : `no file to update holds ${image.repository}${unused}; nothing to do for ${formatImageRef(image)}${meant ?? didYouMean(closest(image.repository, known.repositories))}`,
      kind: "unreached"
    });
  }
  for (const key of valid.setters.keys()) {
    if (marked(key)) continue;
    const misplaced = misplacedIn(texts, key);
    warnings.push({
      message: misplaced ? `no file to update has a marker for setter ${key} where it is read: ${misplaced} has one that marks nothing there (see the warning at it)` : `no file to update has a marker for setter ${key}${didYouMean(closest(key, known.keys))}`,
      kind: "unreached"
    });
  }
}
function leftOutBy(byPaths, selected, holding3) {
  const ofTargets = selected && `of ${selected.length === 1 ? "target" : "targets"} ${andList(selected)}`;
  if (!byPaths) return ofTargets === void 0 ? void 0 : { scope: ofTargets, rest: "of other targets", holding: holding3 };
  const inPaths = "inside the paths to update";
  return ofTargets === void 0 ? { scope: inPaths, rest: "outside them", holding: holding3 } : { scope: `${ofTargets} ${inPaths}`, rest: "outside them or of other targets", holding: holding3 };
}
function unusedKeys(keys) {
  const named2 = [...keys].map(([key, policies]) => policies.length === 0 ? `setter ${key}` : `ImagePolicy ${key} (${where(policies)})`);
  if (named2.length === 0) return "";
  return `, and no marker uses ${named2.length === 1 ? named2[0] : `any of ${cappedList(named2)}`}`;
}
function markedIn(texts) {
  let keys;
  return (key) => {
    keys ??= new Set(texts.flatMap(([path, text2]) => fileMarkers(path, text2)).map(({ marker }) => marker.key));
    return keys.has(key);
  };
}
function misplacedIn(texts, key) {
  for (const [path, text2] of texts) {
    const found = misplacedMarkers(path, text2).find(({ marker }) => marker.key === key);
    if (found) return `${path}:${found.line}`;
  }
  return void 0;
}
function unreachedImages(valid, defined, overrides, texts, spelledElsewhere = () => /* @__PURE__ */ new Set()) {
  const overridden = new Set([...overrides.values()].flat().flatMap((o) => typeof o === "string" ? [] : [o.repository]));
  const marked = markedIn(texts);
  return valid.images.filter((image) => {
    if (overridden.has(image.repository) || [...defined(image.repository).keys()].some(marked)) return false;
    const misread = spelledElsewhere(image);
    return !texts.some(([path, text2]) => !misread.has(path) && holdsImage(path, text2, image));
  });
}
function holdsImage(path, text2, image) {
  if (spells2(text2, image)) return true;
  const kind2 = fileKind(path);
  return kind2 === "kcl" ? mayBuildOnRegistry(text2, image) || spellsAcrossLiterals(text2, image) : kind2 === "yaml" && mayHoldEscapes(text2) && spells2(readDoubleQuoted(text2), image);
}
function spells2(text2, image) {
  return repositoryPattern(image).test(text2) && spelledAt(deployedText(text2), image) !== void 0;
}

// src/engine/unread-text.ts
var LFS_POINTER = "version https://git-lfs.github.com/spec/v1";
function unreadKind(text2) {
  if (text2.startsWith(LFS_POINTER)) return "lfs-pointer";
  return text2.startsWith("\uFFFD\uFFFD") && text2.slice(2, 66).includes("\0") ? "utf-16" : void 0;
}
function utf16Text(bytes) {
  const mark = bytes[0] === 255 && bytes[1] === 254 ? "FF FE" : bytes[0] === 254 && bytes[1] === 255 ? "FE FF" : void 0;
  if (mark === void 0) return void 0;
  const units = Buffer.from(bytes.subarray(2, bytes.length - bytes.length % 2));
  if (mark === "FE FF") units.swap16();
  return { text: units.toString("utf16le"), mark };
}
var LFS_POINTER_SAID = "a Git LFS pointer: the tree holds only this pointer, and Git LFS the file's content, so it is not read nor edited; to have it updated, keep manifests out of Git LFS (.gitattributes)";
function utf16Said(mark) {
  return `UTF-16 text (byte order mark ${mark}), where only UTF-8 is read`;
}
async function unreadWarnings(source, unread, images, settersAt) {
  const warnings = [];
  for (const path of [...unread.keys()].sort()) {
    if (unread.get(path) === "lfs-pointer") {
      warnings.push({ file: path, message: LFS_POINTER_SAID });
      continue;
    }
    const utf16 = utf16Text(await source.read(path));
    const held = utf16 && (heldImage(path, utf16.text, images) ?? markedKey(path, utf16.text, settersAt(path)));
    if (!utf16 || !held) continue;
    const line = held.at === void 0 ? held.line : new LineIndex(utf16.text).lineAt(held.at);
    const byte = held.at === void 0 ? "" : ` (at byte ${2 + 2 * held.at})`;
    warnings.push({
      file: path,
      ...line !== void 0 && { line },
      message: `${utf16Said(utf16.mark)}: ${held.what}${byte} is not ${held.change}; save the file as UTF-8 to have it updated`
    });
  }
  return warnings;
}
function heldImage(path, text2, images) {
  const image = images.find((image2) => holdsImage(path, text2, image2));
  return image && { what: image.repository, at: spelledAt(deployedText(text2), image), change: `edited for ${formatImageRef(image)}` };
}
function markedKey(path, text2, setters) {
  if (setters.size === 0) return void 0;
  const marked = fileMarkers(path, text2).find(({ marker }) => setters.has(marker.key));
  if (marked === void 0) return void 0;
  const { key } = marked.marker;
  const lines = new LineIndex(text2);
  const from = lines.lineStart(Math.max(1, marked.line - 1)) ?? 0;
  const token = new RegExp(`${escapeRegExp(MARKER_TOKEN)}\\s*:\\s*"${escapeRegExp(key)}[":]`, "g");
  token.lastIndex = from;
  const at = token.exec(text2)?.index;
  return { what: `the marker of Flux setter ${key}`, at, line: marked.line, change: `set to ${formatImageRef(setters.get(key).image)}` };
}

// src/engine/tree-reads.ts
var READ_CONCURRENCY = 64;
async function readScreened(source, paths, keep, warnings) {
  const texts = new Array(paths.length);
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const i = next++;
      const path = paths[i];
      const text2 = await readText(source, path);
      if (!keep(path, text2)) continue;
      if (text2.includes("\uFFFD") && decodeUtf8(await source.read(path)) === void 0) warnings.push({ file: path, message: NOT_UTF8 });
      else texts[i] = text2;
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, paths.length) }, worker));
  return texts;
}
var NOT_UTF8 = "not UTF-8 text; left as it is";
async function readNamed(source, path) {
  const bytes = await source.read(path);
  const text2 = decodeUtf8(bytes);
  const utf16 = text2 === void 0 ? utf16Text(bytes) : void 0;
  if (text2 === void 0) throw new RequestError([{ file: path, message: utf16 ? `${utf16Said(utf16.mark)}; save the file as UTF-8` : NOT_UTF8 }]);
  if (unreadKind(text2) === "lfs-pointer") throw new RequestError([{ file: path, message: LFS_POINTER_SAID }]);
  return text2;
}

// src/engine/kustomize-reads.ts
function kustomizationsIn(source, files, texts, treeRoot) {
  let reading;
  const textsOf = async (paths) => {
    const unread = paths.filter((file) => !texts.has(file));
    const again = await readScreened(source, unread, () => true, []);
    const reread = new Map(unread.flatMap((file, i) => again[i] === void 0 ? [] : [[file, again[i]]]));
    return paths.flatMap((file) => {
      const text2 = texts.get(file) ?? reread.get(file);
      return text2 === void 0 ? [] : [{ file, text: text2 }];
    });
  };
  let building;
  const readBuilds = async () => {
    const read = await textsOf(files.filter(isKustomizationFile));
    const deployers = [...texts].flatMap(([file, text2]) => fileKind(file) === "yaml" && mayHoldDeployer(file, text2) ? [{ file, text: text2 }] : []);
    return { kustomizations: read, deployers, patches: /* @__PURE__ */ new Map(), files, treeRoot };
  };
  const readAll = async () => {
    const tree = await (building ??= readBuilds());
    const listed = new Set(files);
    const patches = await textsOf(patchFilesOf(tree.kustomizations).filter((file) => listed.has(file) && fileKind(file) === "yaml"));
    return { ...tree, patches: new Map(patches.map(({ file, text: text2 }) => [file, text2])) };
  };
  return (patches = true) => patches ? reading ??= readAll() : building ??= readBuilds();
}
async function kustomizeTaggedIn(kustomizations, texts, images, run) {
  const { inScope } = run;
  const repositories = new Set(images.map((image) => image.repository));
  if (repositories.size === 0 || ![...texts].some(([path, text2]) => inScope(path) && mayHoldBareImage(text2, repositories))) return NOT_TAGGED;
  const owners = { ownerOf: (path) => run.ownerOf(path)?.name, edited: inScope };
  const outside = (name, by) => `holds ${name} with no tag or digest, so its version is set by the images: of ${taggersWords(by)}, outside the paths; left as it is`;
  const left = /* @__PURE__ */ new Map();
  const elsewhere = /* @__PURE__ */ new Map();
  for (const [file, names] of kustomizeTagged(await kustomizations(), images, owners)) {
    for (const [name, { by, edited, elsewhere: others }] of names) {
      if (by.first.length === 0) setIn(elsewhere, file, name, others);
      else setIn(left, file, name, edited ? void 0 : outside(name, by));
    }
  }
  return { left, elsewhere };
}
async function pairedTagsIn(kustomizations, texts, run, warnings, mergedOver) {
  if (![...texts.values()].some(mayHoldHelmRelease)) return /* @__PURE__ */ new Map();
  const read = async (path) => texts.get(path) ?? (run.present.has(path) && fileKind(path) === "yaml" ? (await readScreened(run.source, [path], () => true, []))[0] : void 0);
  const overridden = (file, field2) => overrideNamesField(file, field2, run.overridesByFile.get(file) ?? [], run.config?.overrides ?? []);
  const paired2 = await patchedTags({ ...run, overridden }, await kustomizations(), read, warnings, mergedOver);
  for (const file of paired2.keys()) {
    const text2 = await read(file);
    if (text2 !== void 0) texts.set(file, text2);
  }
  return paired2;
}
var NOT_TAGGED = { left: /* @__PURE__ */ new Map(), elsewhere: /* @__PURE__ */ new Map() };
function setIn(map2, file, name, value) {
  const names = map2.get(file) ?? /* @__PURE__ */ new Map();
  map2.set(file, names.set(name, value));
}
function warnTaggedElsewhere(changes, elsewhere, target, warnings) {
  if (!elsewhere) return;
  for (const change of changes) {
    const ref = tryParseImageRef(change.old);
    const others = ref && ref.tag === void 0 && ref.digest === void 0 ? elsewhere.get(ref.name) : void 0;
    if (!ref || !others) continue;
    const by = andList([...others].map(([owner, files]) => `${taggersWords(files)} (target ${owner})`));
    warnings.push({
      file: change.file,
      line: change.line,
      message: `${change.key} holds ${ref.name} with no tag or digest, whose version the images: of ${by} set, outside ${target ? `target ${target}'s` : "its target's"} paths: another target's kustomization does not decide this one's version, so it is pinned as without it`
    });
  }
}

// src/engine/manifest-candidates.ts
function mayBeManifest(run, path) {
  return fileKind(path) !== void 0 && !isTestFile(path) && !path.startsWith(".github/") && path !== run.configPath && !run.misplaced.has(path);
}

// src/engine/validate-in-tree.ts
async function validateInTree(listed, request) {
  try {
    return validateRequest(request);
  } catch (error) {
    if (!(error instanceof RequestError) || !error.issues.some((issue) => issue.message.includes(UNKNOWN_REPOSITORY))) throw error;
    const known = await knownImagesIn(listed, request).catch(() => void 0);
    if (!known) throw error;
    return validateRequest(request, known);
  }
}
async function knownImagesIn(listed, request) {
  const readable = async (read2) => {
    try {
      return await read2();
    } catch (error) {
      if (error instanceof RequestError) return void 0;
      throw error;
    }
  };
  const tree = await readable(() => listTree(listed));
  if (!tree) return {};
  const { files, links, source } = tree;
  const read = isConfigField(request.config) ? await readable(() => configOf2(source, new Set(files), request, false, links)) : void 0;
  const config = read?.config;
  const treeRoot = repositoryPath(request.pathInRepository ?? "");
  const yaml = files.filter((path) => fileKind(path) === "yaml" && mayBeManifest({ configPath: read?.configPath ?? GIVEN_CONFIG, misplaced: /* @__PURE__ */ new Set() }, path));
  const screened = await readScreened(source, yaml, (_, text2) => mayHoldFluxObjects(text2) || mayGiveNamespace(text2), []);
  const texts = new Map(yaml.flatMap((path, i) => screened[i] === void 0 ? [] : [[path, screened[i]]]));
  const docs = [...texts].flatMap(([file, text2]) => mayHoldFluxObjects(text2) ? [{ file, text: text2 }] : []);
  const flux = docs.length === 0 ? void 0 : fluxSetters(docs, treeRoot, namespacesOf(await kustomizationsIn(source, files, texts, treeRoot)(false)));
  const setters = /* @__PURE__ */ new Map();
  for (const [key, defined] of flux?.setters ?? []) if (new Set(defined.map((d) => d.repository)).size === 1) setters.set(key, defined[0]);
  for (const [key, setter] of config?.setters ?? []) setters.set(key, setter);
  return { setters, repositories: [...new Set((config?.targets ?? []).flatMap((target) => target.images.map((image) => image.name)))] };
}

// src/engine/apply-set.ts
function applySet(file, text2, spec, options = {}) {
  const kind2 = fileKind(file);
  if (kind2 === void 0 || kind2 === "kcl-mod") throw new RequestError([{ field: "set", message: notASetFile(file) }]);
  const malformed2 = malformedSets([{ file, spec }]);
  if (malformed2.length > 0) throw new RequestError(malformed2);
  const bom = text2.startsWith("\uFEFF") ? "\uFEFF" : "";
  const result = overFile(file, kind2, { text: text2.slice(bom.length), changes: [], warnings: [] }, [spec], options.create ?? false);
  return { ...result, text: bom + result.text };
}
function malformedSets(sets, fieldName) {
  return sets.flatMap((set2) => {
    const error = setSpecError(set2, fieldName);
    return error ? [{ ...located(set2.file, error), field: "set" }] : [];
  });
}

// src/engine/setters.ts
function resolveSetters(run, texts, warnings, tree) {
  const { valid, config, configPath, inScope, keptOut, allowDowngrade, treeRoot, ownerOf } = run;
  const docs = [...texts].filter(([path, text2]) => fileKind(path) === "yaml" && mayHoldFluxObjects(text2));
  const flux = fluxSetters(
    docs.map(([file, text2]) => ({ file, text: text2 })),
    treeRoot,
    tree && namespacesOf(tree)
  );
  warnings.push(...flux.warnings);
  const definitions = /* @__PURE__ */ new Map();
  for (const [key, setters] of flux.setters) {
    definitions.set(
      key,
      setters.map((setter) => ({ ...setter, excluded: (tag) => setter.exclusionList.some((re) => re.test(tag)), flux: setter }))
    );
  }
  for (const [key, setter] of config?.setters ?? []) definitions.set(key, [setter]);
  const foreign = [...valid.setters].flatMap(([key, image]) => {
    const repositories = [...new Set(definitions.get(key)?.map((d) => d.repository))];
    if (repositories.length === 0 || repositories.includes(image.repository)) return [];
    const which = repositories.length > 1 ? "the repositories" : "the repository";
    return [{ message: `setter ${key}: ${formatImageRef(image)} is not ${repositories.join(" or ")}, ${which} this key is defined for` }];
  });
  if (foreign.length > 0) throw new RequestError(foreign);
  const candidates2 = /* @__PURE__ */ new Map();
  for (const [key, defs] of definitions) {
    const given = valid.setters.get(key);
    const imageFor = (def) => given ? given.repository === def.repository ? given : void 0 : valid.images.find((i) => i.repository === def.repository);
    candidates2.set(
      key,
      defs.map((def) => candidate(key, def, imageFor(def), given !== void 0, allowDowngrade))
    );
  }
  for (const [key, image] of valid.setters) if (!definitions.has(key)) candidates2.set(key, [{ update: { image, allowDowngrade } }]);
  const governing = governingOf(candidates2, flux.automations, configPath, ownerOf);
  const markers = markersInScope(texts, inScope);
  warnings.push(...notesWhereUsed(candidates2, governing, markers, keptOut));
  const unconfigured = new Map([...markers].filter(([key]) => !definitions.has(key) && !valid.setters.has(key)));
  if (valid.images.length > 0 || valid.setters.size > 0) {
    const incoming = valid.images.map(repositoryPattern);
    for (const [key, places] of unconfigured) {
      const why = places.some((p) => incoming.some((pattern) => pattern.test(p.before)));
      warnings.push(unconfiguredWarning(key, places, configPath, why, run.fieldName, namedElsewhere(key, flux.setters)));
    }
  }
  const brought = new Map(
    [...candidates2].filter(([, defined]) => defined.some((c) => c.update)).map(([key, defined]) => [key, defined.flatMap((c) => c.update ? [c.update.image] : [])])
  );
  const known = new Map([...definitions.keys(), ...valid.setters.keys(), ...unconfigured.keys()].map((key) => [key, void 0]));
  return {
    automations: flux.automations,
    updates: [...candidates2.values()].flat().flatMap((c) => c.update ? [c.update] : []),
    known: {
      keys: /* @__PURE__ */ new Set([...markers.keys(), ...definitions.keys()]),
      repositories: new Set([...definitions.values()].flat().map((d) => d.repository))
    },
    forFile(path) {
      const setters = /* @__PURE__ */ new Map();
      const left = /* @__PURE__ */ new Map();
      let knownSetters = known;
      for (const [key, images] of brought) {
        const chosen = governing(key, path);
        if (typeof chosen === "string") {
          if (knownSetters === known) knownSetters = new Map(known);
          knownSetters.set(key, chosen);
          left.set(key, images);
        } else if (chosen.update) setters.set(key, chosen.update);
      }
      return { setters, knownSetters, left };
    },
    fluxPoliciesAt: (path, repository) => fluxPoliciesAt(flux, config, path, repository, seenBy(ownerOf, ownerOf(path))),
    definedFor: (repository) => new Map(
      [...definitions].filter(([, defs]) => defs.some((d) => d.repository === repository)).map(([key, defs]) => [key, defs.flatMap((d) => d.flux && d.repository === repository ? [d.flux] : [])])
    )
  };
}
function fluxPoliciesAt(flux, config, path, repository, seen) {
  const keyOf = /* @__PURE__ */ new Map();
  const automations = flux.automations.filter((a) => seen(a.file));
  for (const [key, defs] of flux.setters) {
    if (config?.setters.has(key)) continue;
    const ofRepository = defs.filter((d) => d.repository === repository && seen(d.file));
    if (ofRepository.length === 0) continue;
    const namespace = key.slice(0, key.indexOf(":"));
    for (const setter of nearestSetters(updatingFrom(automations, path, namespace), ofRepository)) keyOf.set(setter, key);
  }
  if (keyOf.size === 0) return [];
  return nearestSetters(updatingFrom(automations, path), [...keyOf.keys()]).map((setter) => ({ key: keyOf.get(setter), setter }));
}
function seenBy(ownerOf, owner) {
  return (file) => {
    const other = ownerOf(file);
    return other === void 0 || other === owner;
  };
}
function updatingFrom(automations, path, namespace) {
  const covering = automations.filter((a) => (namespace === void 0 || a.namespace === namespace) && updatesFile(a, path));
  return covering.length > 0 ? covering.map((a) => a.file) : [path];
}
function candidate(key, def, image, given, allowDowngrade) {
  const flux = def.flux && { flux: def.flux };
  if (!image) return { ...flux };
  if (!given && image.tag !== void 0 && def.excluded?.(image.tag)) {
    return { ...flux, image, note: { message: `setter ${key}: tag ${image.tag} is excluded by the ImageRepository's exclusionList` } };
  }
  const outside = def.policy && image.tag !== void 0 && def.policy.latest([image.tag]) === void 0;
  return {
    ...flux,
    image,
    update: { image: { ...image, name: def.name }, ...def.policy && { policy: def.policy }, allowDowngrade },
    ...outside && {
      note: {
        message: `setter ${key}: tag ${image.tag} is outside its policy (${def.policy.description}); marked values are left as they are`,
        kind: "policy-refusal"
      }
    }
  };
}
function governingOf(candidates2, everyAutomation, configPath, ownerOf) {
  const byOwner = /* @__PURE__ */ new Map();
  return (key, path) => {
    const all = candidates2.get(key);
    if (all[0].flux === void 0) return all[0];
    const owner = ownerOf(path);
    let governing = byOwner.get(owner);
    if (!governing) byOwner.set(owner, governing = governingIn(owner, candidates2, everyAutomation, configPath, ownerOf));
    return governing(key, path);
  };
}
function governingIn(owner, candidates2, everyAutomation, configPath, ownerOf) {
  const seen = seenBy(ownerOf, owner);
  const automations = everyAutomation.filter((a) => seen(a.file));
  const updating = /* @__PURE__ */ new Map();
  automations.forEach((a, i) => {
    if (a.treePath === void 0) return;
    const ofNamespace = updating.get(a.namespace) ?? /* @__PURE__ */ new Map();
    updating.set(a.namespace, ofNamespace);
    ofNamespace.set(a.treePath, [...ofNamespace.get(a.treePath) ?? [], i]);
  });
  const updatePaths = automations.map((a) => `${a.id} ./${a.path}`).join(", ");
  const definitions = /* @__PURE__ */ new Map();
  const answers = /* @__PURE__ */ new Map();
  return (key, path) => {
    const namespace = key.slice(0, key.indexOf(":"));
    const ofNamespace = updating.get(namespace);
    const own = ofNamespace?.get(path);
    const directory = path.slice(0, path.lastIndexOf("/") + 1);
    const known = own === void 0 ? answers.get(key)?.get(directory) : void 0;
    if (known !== void 0) return known;
    let defined = definitions.get(key);
    if (defined === void 0) definitions.set(key, defined = seenOf(key, candidates2.get(key), seen, owner, configPath, ownerOf));
    let answer;
    if (typeof defined === "string") answer = defined;
    else {
      let from = [path];
      if (automations.length > 0) {
        const above = ["", ...[...path.matchAll(/\//g)].map((slash) => path.slice(0, slash.index))];
        const covering = [.../* @__PURE__ */ new Set([...above.flatMap((directory2) => ofNamespace?.get(directory2) ?? []), ...own ?? []])].sort((a, b) => a - b);
        from = covering.map((i) => automations[i].file);
      }
      answer = from.length === 0 ? `is set only in files under the spec.update.path of an ImageUpdateAutomation of namespace ${namespace}, and this file is under none (${updatePaths}); the marked value is left as it is` : nearestCandidate(key, defined, from, automations.length > 0, configPath);
    }
    if (own === void 0) {
      const ofKey = answers.get(key) ?? /* @__PURE__ */ new Map();
      answers.set(key, ofKey);
      ofKey.set(directory, answer);
    }
    return answer;
  };
}
function seenOf(key, all, seen, owner, configPath, ownerOf) {
  const candidates2 = all.filter((c) => seen(c.flux.file));
  if (candidates2.length > 0) return { candidates: candidates2, nearest: nearestOf(candidates2.map((c) => c.flux)) };
  const elsewhere = all.map((c) => c.flux);
  const targets = [...new Set(elsewhere.map((s) => ownerOf(s.file).name))].join(", ");
  const here = owner?.name;
  const markers = here === void 0 ? "markers in no target's paths" : `the markers of target ${here}`;
  const define = here === void 0 ? "in no target's paths" : `in target ${here}'s paths or in no target's`;
  return `is defined only at ${where(elsewhere)}, in the paths of target ${targets}, whose Flux objects do not govern ${markers}; the marked value is left as it is (define it ${define}, or give ${key} an entry under setters: in ${configPath})`;
}
function nearestCandidate(key, { candidates: candidates2, nearest: nearestTo }, from, byAutomations, configPath) {
  const nearest = nearestTo(from);
  if (nearest.length === 1) return candidates2.find((c) => c.flux === nearest[0]);
  const near = byAutomations ? "the ImageUpdateAutomation objects that update this file" : "this file";
  return `is defined differently at ${where(nearest)}, equally near ${near}; the marked value is left as it is (give ${key} an entry under setters: in ${configPath}, which overrides Flux objects)`;
}
function notesWhereUsed(candidates2, governing, markers, keptOut) {
  const noted = /* @__PURE__ */ new Map();
  for (const [key, defined] of candidates2) {
    if (!defined.some((c) => c.note)) continue;
    for (const { file, line } of markers.get(key) ?? []) {
      const chosen = governing(key, file);
      if (typeof chosen === "string" || !chosen.note || noted.has(chosen) || chosen.image && keptOut(file, chosen.image)) continue;
      noted.set(chosen, { file: chosen.flux?.file ?? file, line: chosen.flux?.line ?? line, ...chosen.note });
    }
  }
  return [...noted.values()];
}
function markersInScope(texts, inScope) {
  const places = /* @__PURE__ */ new Map();
  for (const [file, text2] of texts) {
    if (!inScope(file)) continue;
    for (const { marker, line, before } of fileMarkers(file, text2)) {
      const at = places.get(marker.key) ?? [];
      if (at.length === 0) places.set(marker.key, at);
      at.push({ file, line, before });
    }
  }
  return places;
}
var PLACES_NAMED = 3;
function namedElsewhere(key, setters) {
  const name = key.slice(key.indexOf(":") + 1);
  return [...setters].filter(([other]) => other.slice(other.indexOf(":") + 1) === name).sort(([a], [b]) => a.localeCompare(b));
}
function unconfiguredWarning(key, places, configPath, why, name, elsewhere) {
  const [first, ...others] = places;
  const named2 = cappedList(
    others.map((p) => `${p.file}:${p.line}`),
    PLACES_NAMED
  );
  const also = others.length > 0 ? ` (also marked at ${named2})` : "";
  const left = others.length > 0 ? "its marked values are left as they are" : "its marked value is left as it is";
  const given = givenValue(name, "setter", `${key}=REF`);
  const ways = elsewhere.length === 0 ? `add it under setters: in ${configPath}, pass ${given}, or keep its ImagePolicy (and ImageRepository) in the tree` : `${namespacedAs(key, elsewhere)}, add ${key} under setters: in ${configPath}, or pass ${given}`;
  return {
    ...!why && { aside: true },
    file: first.file,
    line: first.line,
    message: `no image is configured for Flux setter "${key}"${also}, so ${left}: ${ways}`
  };
}
function namespacedAs(key, elsewhere) {
  const [namespace, name] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
  const namespaces = elsewhere.map(([other, policies]) => {
    const by = [...new Set(policies.flatMap((p) => p.namespacedBy ? [p.namespacedBy] : []))];
    return `${other.slice(0, other.indexOf(":"))} (${where(policies)}${by.length > 0 ? `, put there by ${andList(by)}` : ""})`;
  });
  const keys = elsewhere.map(([other]) => JSON.stringify(other));
  const plural = elsewhere.length > 1;
  const keyed = plural ? `its marker keys are ${andList(keys)}: write one of them` : `its marker key is ${keys[0]}: write that`;
  return `the tree's ImagePolicy ${name} is in namespace${plural ? "s" : ""} ${andList(namespaces)}, not ${namespace}, so ${keyed} in the marker`;
}

// src/engine/cross-target.ts
import { posix as posix6 } from "node:path";

// src/engine/commit-message.ts
function commitMessage(template, input) {
  return template !== void 0 && !isDefaultMessage(template) ? renderTemplate(template, templateData(input)) : defaultCommitMessage(input);
}
function isDefaultMessage(template) {
  return template === void 0 || template.trim() === "";
}
var DEFAULT_SUBJECT_TYPE = "chore(deploy): ";
function defaultCommitMessage(input) {
  const promoted = input.images.flatMap((image) => promotion(image, input.changes) ?? []);
  const subject = promoted.length > 0 ? promoted.join(", ") : `update ${counted(input.changes.length, "image field")}`;
  const files = [...new Set(input.changes.map((c) => c.file))].sort();
  return `${DEFAULT_SUBJECT_TYPE}${subject}

${files.map((f) => `- ${f}`).join("\n")}
`;
}
function promotion(image, values) {
  const byFile = /* @__PURE__ */ new Map();
  for (const value of values) {
    const part = writtenPart(value.new, image);
    if (part === void 0) continue;
    const file = byFile.get(value.file) ?? { tags: [], digests: [], others: [] };
    byFile.set(value.file, file);
    if (part === "reference") file.others.push(referenceVersion(value.old));
    else if (part === "pinned-tag") file.others.push(pinnedVersion(value.old));
    else if (part === "digest") {
      if (isDigest(value.old)) file.digests.push(shortDigest(value.old));
    } else file.tags.push(isDigest(value.old) ? shortDigest(value.old) : value.old);
  }
  if (byFile.size === 0) return void 0;
  const olds = [...byFile.values()].flatMap(
    ({ tags, digests, others }) => tags.length === 1 && digests.length === 1 ? [`${tags[0]}@${digests[0]}`, ...others] : [...tags, ...digests, ...others]
  );
  const from = olds.length === 0 ? "" : ` ${[...new Set(olds)].sort().join(", ")}`;
  return `${image.name}${from} -> ${writtenVersion(image, values)}`;
}
function writtenVersion(image, values) {
  if (image.tag === void 0 || image.digest === void 0) return imageVersion(image);
  const pinned = values.some((value) => {
    const part = writtenPart(value.new, image);
    return part === "digest" || part === "pinned-tag" || part === "reference" && value.new.includes("@");
  });
  return pinned ? imageVersion(image) : image.tag;
}
function writtenPart(value, image) {
  const written = tryParseImageRef(value);
  if (written && written.repository === image.repository && (written.tag !== void 0 || written.digest !== void 0)) return "reference";
  if (value === image.tag) return "tag";
  if (value === image.digest) return "digest";
  const at = value.lastIndexOf("@");
  const pinned = at > 0 && value.slice(at + 1) === image.digest && (image.tag === void 0 ? isTag(value.slice(0, at)) : value.slice(0, at) === image.tag);
  return pinned ? "pinned-tag" : void 0;
}
function referenceVersion(text2) {
  const ref = tryParseImageRef(text2);
  return ref && (ref.tag !== void 0 || ref.digest !== void 0) ? imageVersion(ref) : text2;
}
function pinnedVersion(text2) {
  const at = text2.indexOf("@");
  return at > 0 && isDigest(text2.slice(at + 1)) ? imageVersion({ tag: text2.slice(0, at), digest: text2.slice(at + 1) }) : text2;
}
function imageVersion(ref) {
  if (ref.tag !== void 0) return ref.digest !== void 0 ? `${ref.tag}@${shortDigest(ref.digest)}` : ref.tag;
  return shortDigest(ref.digest ?? "");
}
var ObjectIdentifier = class {
  constructor(APIVersion, Kind, Name, Namespace) {
    this.APIVersion = APIVersion;
    this.Kind = Kind;
    this.Name = Name;
    this.Namespace = Namespace;
  }
  APIVersion;
  Kind;
  Name;
  Namespace;
  [GO_PRINT]() {
    return `{{{${this.APIVersion} ${this.Kind}} {${this.Name} ${this.Namespace}}}}`;
  }
};
var NamespacedName = class {
  constructor(Namespace, Name) {
    this.Namespace = Namespace;
    this.Name = Name;
  }
  Namespace;
  Name;
  String() {
    return `${this.Namespace}/${this.Name}`;
  }
};
var Result = class {
  constructor(FileChanges, changes, objects) {
    this.FileChanges = FileChanges;
    this.#changes = changes;
    this.#objects = objects;
  }
  FileChanges;
  // Private (#): no field a template reads or prints.
  #changes;
  #objects;
  Changes() {
    return this.#changes;
  }
  Objects() {
    return this.#objects;
  }
};
var TemplateData = class {
  constructor(AutomationObject, Changed, Values) {
    this.AutomationObject = AutomationObject;
    this.Changed = Changed;
    this.Values = Values;
  }
  AutomationObject;
  Changed;
  Values;
};
function templateData(input) {
  const objects = /* @__PURE__ */ new Map();
  const objectOf2 = (id) => {
    const o = new ObjectIdentifier(id?.apiVersion ?? "", id?.kind ?? "", id?.name ?? "", id?.namespace ?? "");
    const key = [o.APIVersion, o.Kind, o.Name, o.Namespace].join("\0");
    const known = objects.get(key);
    if (known) return known;
    objects.set(key, o);
    return o;
  };
  const sorted = [...input.changes].sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line);
  const noChanges = () => new GoMap([], [], true);
  const fileChanges = new GoMap([], noChanges());
  const byObject = noChanges();
  const all = [];
  const seen = /* @__PURE__ */ new Set();
  for (const change of sorted) {
    const fluxChange = { OldValue: change.old, NewValue: change.new, Setter: change.key };
    const object = objectOf2(change.object);
    const perFile = fileChanges.get(change.file) ?? noChanges();
    fileChanges.set(change.file, perFile);
    perFile.set(object, [...perFile.get(object) ?? [], fluxChange]);
    byObject.set(object, [...byObject.get(object) ?? [], fluxChange]);
  }
  for (const perFile of fileChanges.values())
    for (const [, changes] of sortedEntries(perFile))
      for (const fluxChange of changes) {
        const identity = JSON.stringify([fluxChange.OldValue, fluxChange.NewValue, fluxChange.Setter]);
        if (!seen.has(identity)) all.push(fluxChange);
        seen.add(identity);
      }
  return new TemplateData(
    new NamespacedName(input.automation.namespace, input.automation.name),
    new Result(fileChanges, all, byObject),
    new GoMap(Object.entries(input.values ?? {}), "")
  );
}

// src/engine/deployed-as-written.ts
import { posix as posix5 } from "node:path";
function deployedAsWrittenBy(tree, incoming) {
  let read;
  const builds = /* @__PURE__ */ new Map();
  const patchesOf = patchReader(tree);
  return ({ file, text: text2 }, repository) => {
    if (!read) {
      const graph2 = graphOf(tree, incoming);
      read = { graph: graph2, above: upward(tree, graph2, graph2.deployers) };
    }
    const { graph, above } = read;
    const start = listedAs(graph, file);
    const own = start === file ? void 0 : graph.at(start);
    if (!builds.has(start)) {
      const all = above.up(start);
      builds.set(start, all.length > 0 ? buildsOf(graph, all) : void 0);
    }
    const built = builds.get(start);
    if (!built) return { by: [], built: false, deployed: false };
    const names = own ? own.tags.filter((name) => normalizeRepository(name) === repository) : writtenNames(text2, repository);
    const resources = own ? [] : resourcesOf(file, text2);
    const patching = (k) => resources.length > 0 && setsVersionIn(patchesOf(k), resources, repository);
    const found = /* @__PURE__ */ new Set();
    for (const passing of names.length === 0 ? [built.reached()] : names.map(built.asWritten)) {
      for (const k of above.up(start, (k2) => passing.has(k2.file) && !patching(k2))) found.add(k);
    }
    const starts = (k) => graph.at(posix5.dirname(k.file)) !== k || !k.component && above.parentsOf(posix5.dirname(k.file)).length === 0;
    return { by: [...new Set([...found].map((k) => k.file))], built: true, deployed: [...found].some(starts) };
  };
}
function writtenNames(text2, repository) {
  const names = [...imageValues(text2)].flatMap(({ value }) => {
    const ref = tryParseImageRef(value);
    return ref?.repository === repository ? [ref.name] : [];
  });
  return [...new Set(names)];
}

// src/engine/cross-target.ts
async function reachingOtherTargets(run, planned, kustomizations) {
  if ((run.config?.targets.length ?? 0) < 2) return [];
  const directories = new Set(run.files.filter(isKustomizationFile).map((file) => posix6.dirname(file)));
  const built = planned.filter(({ path, changes }) => changes.length > 0 && ancestors(path).some((directory) => directories.has(directory)));
  if (built.length === 0) return [];
  const images = [...run.valid.images, ...run.valid.setters.values()];
  const deployedBy = deployedAsWrittenBy(await kustomizations(), images);
  const warnings = [];
  for (const { path, after, changes } of built) {
    const owner = run.ownerOf(path);
    for (const change of changes) {
      const image = imageOf2(change, images, after);
      if (!image) continue;
      const others = /* @__PURE__ */ new Map();
      for (const k of deployedBy({ file: path, text: after }, image.repository).by) {
        const target = run.ownerOf(k);
        if (target && target !== owner && !others.has(target)) others.set(target, k);
      }
      if (others.size > 0) warnings.push({ file: path, line: change.line, message: reachMessage(path, owner, change, image, others) });
    }
  }
  return warnings;
}
function ancestors(path) {
  const directories = [];
  for (let directory = posix6.dirname(path); ; directory = posix6.dirname(directory)) {
    directories.push(directory);
    if (directory === "." || directory === "/") return directories;
  }
}
function imageOf2(change, images, text2) {
  const wrote = images.filter((image) => writtenPart(change.new, image) !== void 0);
  return wrote.find((image) => repositoryPattern(image).test(text2)) ?? wrote[0];
}
function reachMessage(path, owner, change, image, others) {
  const targets = [...others.keys()];
  const one = targets.length === 1;
  const names = andList(targets.map((t) => t.name));
  const builders = one ? [...others.values()][0] : andList([...others].map(([target, k]) => `${k} (${target.name})`));
  const outside = targets.flatMap((target) => {
    const allows = allowance(target, image);
    if (allows.refused === "policy") return [`outside ${target.name}'s policy (${allows.allowed.policy.description})`];
    return allows.refused === "unlisted" ? [`though ${target.name} does not allow ${image.repository}`] : [];
  });
  const reviewed = targets.filter((target) => target.delivery?.mode === "pull-request").map((t) => t.name);
  if (reviewed.length > 0) outside.push(reviewed.length === 1 ? `without ${reviewed[0]}'s pull request` : `without the pull requests of ${andList(reviewed)}`);
  return `also deployed by ${one ? "target" : "targets"} ${names}: ${builders} ${one ? "builds" : "build"} this file and ${one ? "sets" : "set"} no version of ${image.repository}, so this change${owner ? ` of target ${owner.name}` : ""} deploys ${writtenVersion(image, [change])} there too${outside.length > 0 ? `, ${outside.join(", ")}` : ""}; to keep it ${owner ? `to ${owner.name}` : "out of there"}, ${ownVersion(change, image)}` + (owner ? `, or move ${posix6.dirname(path)} out of ${owner.name}'s paths` : "");
}
function ownVersion(change, image) {
  if (change.kind === "helm") return `give each overlay its own tag with a patch setting ${change.key}`;
  const written = tryParseImageRef(change.new);
  const name = written?.repository === image.repository ? written.name : image.name;
  return `give each overlay its own version in images: (name: ${name}, newTag: \u2026)`;
}

// src/engine/kcl-runs.ts
import { posix as posix7 } from "node:path";
function mayHoldKclRun(text2) {
  return text2.includes(KCL_RUN);
}
function kclRunsIn(text2, treeRoot) {
  const yaml = tryYamlFile(text2);
  if (yaml === void 0) return [];
  return yaml.documents.filter(isKclRun).map((document) => ({
    directory: treeDirectory(repositoryPath(scalarText(nodeAt(document.root, ["spec", "path"])) ?? ""), treeRoot),
    name: [document.object.namespace, document.object.name].filter((part) => part).join("/"),
    specs: settingItems(document).flatMap(({ holds: holds2, node: node2, read }) => {
      const path = holds2 === "spec" ? read(node2.text)?.name : void 0;
      return path === void 0 ? [] : [{ path, spec: node2.text, line: yaml.lineAt(node2.start) }];
    })
  }));
}
function setByEveryKclRun(runs, path, text2) {
  if (fileKind(path) !== "kcl" || path.endsWith("_test.k")) return NONE;
  const directory = posix7.dirname(path);
  const building = runs.filter((run) => run.directory === (directory === "." ? "" : directory));
  if (building.length === 0) return NONE;
  const reached = /* @__PURE__ */ new Map();
  const linesOf = (spec) => reached.get(spec) ?? reached.set(spec, linesSetBy(text2, spec)).get(spec);
  const [first, ...others] = building.map((run) => new Set(run.specs.flatMap((spec) => linesOf(spec.path))));
  return new Set([...first].filter((line) => others.every((lines) => lines.has(line))));
}
var NONE = /* @__PURE__ */ new Set();
async function keptSpecsOver(planned, texts, treeRoot, source, present) {
  const overridden = planned.filter((file) => fileKind(file.path) === "kcl" && file.changes.some(isWritten));
  if (overridden.length === 0) return [];
  const runs = [...texts].flatMap(
    ([file, text2]) => fileKind(file) === "yaml" && mayHoldKclRun(text2) ? kclRunsIn(text2, treeRoot).map((run) => ({ file, run })) : []
  );
  const warnings = [];
  for (const { path, after, changes } of overridden) {
    const directory = posix7.dirname(path) === "." ? "" : posix7.dirname(path);
    const mod = posix7.join(directory, "kcl.mod");
    const kept = [
      ...present.has(mod) ? modSpecs(mod, texts.get(mod) ?? decodeUtf8(await source.read(mod))) : [],
      ...runs.flatMap(
        ({ file, run }) => run.directory === directory ? run.specs.map((spec) => ({ ...spec, where: `${file}:${spec.line}, the spec.config.overrides of KCLRun ${run.name}` })) : []
      )
    ].map((spec) => ({ ...spec, lines: linesSetBy(after, spec.path) }));
    for (const change of changes.filter(isWritten)) {
      const last = change.line + lineBreaks(change.new);
      const over = kept.filter((spec) => spec.lines.some((line) => line >= change.line && line <= last));
      if (over.length === 0) continue;
      const named2 = over.map((spec) => `${spec.spec} (${spec.where})`).join(" and ");
      warnings.push({
        file: path,
        line: change.line,
        message: `${change.key}: ${named2} also sets it, and KCL applies ${over.length === 1 ? "that spec" : "those specs"} over this file as it renders, so the value written here is not what deploys; set ${over.length === 1 ? "that spec" : "those specs"} instead, or both`
      });
    }
  }
  return warnings;
}
function isWritten(change) {
  return change.kind === "override" && change.op !== "delete";
}
function modSpecs(file, text2) {
  if (text2 === void 0) return [];
  try {
    return modOverrides(text2).flatMap(
      ({ path, spec, line, misplaced }) => path === void 0 || misplaced !== void 0 ? [] : [{ path, spec, line, where: `${file}:${line}, [profile] overrides` }]
    );
  } catch (error) {
    if (error instanceof SourceError) return [];
    throw error;
  }
}
var PROBE = "gitops-promote/set-by-a-kclrun";
function linesSetBy(text2, spec) {
  try {
    return applyOverrides(text2, [{ path: spec, value: () => PROBE }]).changes.map((change) => change.line);
  } catch (error) {
    if (error instanceof SourceError) return [];
    throw error;
  }
}

// src/engine/beside-markers.ts
function warnBesideMarkers(changes, policySetters, left, marks, warnings) {
  if (policySetters.size === 0 && left.size === 0) return;
  for (const change of changes) {
    if (change.kind !== "image" && change.kind !== "kcl-image") continue;
    const written = tryParseImageRef(change.new);
    if (!written) continue;
    const split2 = besidePolicy(change, written, policySetters, marks) ?? besideLeft(written, left, marks);
    if (split2) warnings.push({ file: change.file, line: change.line, message: `${change.key} is set to ${change.new} by repository, ${split2}` });
  }
}
function warnUnpolicied(changes, updates, policiesAt, marked, misplaced, warnings) {
  for (const change of changes) {
    const moved = movedBy(change, updates);
    const tag = moved?.update.image.tag;
    if (!moved || moved.update.policy || tag === void 0 || marked(moved.update.image)) continue;
    const { image } = moved.update;
    const refusing = policiesAt(image.repository).filter(({ setter }) => nextVersion({ image, policy: setter.policy }, moved.current) === void 0);
    if (refusing.length === 0) continue;
    const would = /* @__PURE__ */ new Map();
    for (const { key, setter } of refusing) {
      const verb = setter.policy.latest([tag]) === void 0 ? "refuse it" : `keep ${moved.current.tag}`;
      would.set(verb, [...would.get(verb) ?? [], `${key} (${setter.policy.description})`]);
    }
    const which = andList(
      [...would].map(([verb, policies]) => `${policies.length === 1 ? "ImagePolicy" : "ImagePolicies"} ${andList(policies)} would ${verb}`)
    );
    const written = misplaced().find(({ marker }) => refusing.some(({ key }) => key === marker.key));
    const add = refusing.length === 1 ? "add its marker" : "add the marker of one";
    warnings.push({
      file: change.file,
      line: change.line,
      message: written ? `${image.repository} moves to ${tag} with no policy; ${which}, and the marker of ${written.marker.key} ${written.line === change.line ? "on this line" : `at line ${written.line}`} marks nothing where it is: move it as the warning there says for its policy to govern this field, or add a target with a policy` : `${image.repository} moves to ${tag} with no policy (no marker here); ${which}: ${add}, or a target with a policy`
    });
  }
}
function movedBy(change, updates) {
  if (change.repository !== void 0) {
    const update = updates.find((u) => u.image.repository === change.repository);
    return update && update.image.tag === change.new ? { update, current: versionOf(change.old, void 0) } : void 0;
  }
  if (change.kind === "image" || change.kind === "kcl-image") {
    const written = tryParseImageRef(change.new);
    const update = written && updates.find((u) => u.image.repository === written.repository);
    if (update) {
      const old = tryParseImageRef(change.old);
      return { update, current: old?.repository === update.image.repository ? versionOf(old.tag, old.digest) : {} };
    }
    if (change.kind === "image") return void 0;
  } else if (change.kind !== "helm" && change.kind !== "kustomize") return void 0;
  const byTag = updates.filter((u) => u.image.tag === change.new);
  return byTag.length === 1 ? { update: byTag[0], current: versionOf(change.old, void 0) } : void 0;
}
function besidePolicy(change, written, setters, marks) {
  const beside = [...setters].filter(([k, u]) => u.policy && u.image.repository === written.repository && marks(k));
  if (beside.length !== 1) return void 0;
  const [key, { policy }] = beside[0];
  if (!policy) return void 0;
  const old = tryParseImageRef(change.old);
  const current = old?.repository === written.repository ? versionOf(old.tag, old.digest) : {};
  if (nextVersion({ image: written, policy }, current) !== void 0) return void 0;
  return `which the policy of Flux setter "${key}" (${policy.description}) would not have chosen for its marked fields; mark this field with it to keep them together`;
}
function besideLeft(written, left, marks) {
  const keys = [...left].filter(([key, images]) => images.some((i) => i.repository === written.repository) && marks(key)).map(([key]) => key);
  if (keys.length === 0) return void 0;
  const which = keys.length === 1 ? `Flux setter "${keys[0]}"` : `Flux setters ${keys.map((key) => `"${key}"`).join(", ")}`;
  return `while the marked fields of ${which} in this file are left as they are (see the warning at them); mark this field with it to keep them together`;
}

// src/engine/downgrade.ts
function warnDowngrades(changes, updates, setters, warnings) {
  for (const change of changes) {
    const moved = movedOf(change, updates, setters);
    if (!moved || moved.update.policy || moved.update.allowDowngrade) continue;
    const { image } = moved.update;
    const from = moved.current === void 0 ? void 0 : parseFluxVersion(moved.current);
    const to = image.tag === void 0 ? void 0 : parseFluxVersion(image.tag);
    if (!from || !to || compareFluxVersions(to, from) >= 0 || prereleasesOfOne(from, to)) continue;
    warnings.push({
      file: change.file,
      line: change.line,
      message: `${image.repository}: ${from.original} -> ${to.original} is a lower version; with no policy this rolls back (set a semver policy to refuse it)`,
      kind: "downgrade"
    });
  }
}
function prereleasesOfOne(a, b) {
  return a.major === b.major && a.minor === b.minor && a.patch === b.patch && a.prerelease !== "" && b.prerelease !== "";
}
function movedOf(change, updates, setters) {
  if (change.kind !== "setter") {
    const moved = movedBy(change, updates);
    return moved && { update: moved.update, current: moved.current.tag };
  }
  const update = [...setters].find(([key]) => change.key === key || change.key.startsWith(`${key}:`))?.[1];
  const tag = update?.image.tag;
  if (!update || tag === void 0) return void 0;
  const ofImage = (value) => {
    const ref = tryParseImageRef(value);
    return ref?.repository === update.image.repository ? ref : void 0;
  };
  if (change.new !== tag && ofImage(change.new)?.tag !== tag) return void 0;
  return { update, current: ofImage(change.old)?.tag ?? (isTag(change.old) ? change.old : void 0) };
}

// src/engine/left-behind.ts
import { posix as posix8 } from "node:path";

// src/engine/left-behind-fix.ts
function fixFor(path, text2, place, image, name) {
  const kind2 = fileKind(path);
  if (kind2 === "kcl")
    return place.reference !== void 0 && inKclString(text2, place.at, place.reference) ? `it is inside a longer string, ${NO_PART}: move it into a string of its own` : void 0;
  if (kind2 !== "yaml") return void 0;
  const bom = text2.startsWith("\uFEFF") ? 1 : 0;
  const found = scalarAt(text2.slice(bom), place.at - bom);
  if (!found) return void 0;
  const { node: node2, path: at, root } = found;
  const spec = formatPath(at);
  if (place.reference === void 0) {
    const holder = nodeAt(root, at.slice(0, -1));
    const versioned = tryParseImageRef(node2.text.trim());
    if (holder?.kind !== "map" || !isFlowScalar(mapValue(holder, "tag")) || versioned?.tag !== void 0 || versioned?.digest !== void 0) return void 0;
    const tag = formatPath([...at.slice(0, -1), "tag"]);
    return `no rule reads ${spec} as ${image.repository}; ${overrideAdvice(tag, image.repository, { file: path, part: "tag", subject: tag }).advice}`;
  }
  if (isFlowScalar(node2) && node2.text.trim() === place.reference)
    return `no rule edits ${spec}; ${overrideAdvice(spec, image.repository, { file: path }).advice}`;
  const whole = isFlowScalar(node2) ? `, or set the whole string with ${givenValue(name, "set", `${path}:${spec}=\u2026`)}` : "";
  return `it is inside the longer string at ${spec}, ${NO_PART}: move it into a field of its own${whole}`;
}
var NO_PART = "and gitops-promote edits no part of a string";
function scalarAt(text2, at) {
  const file = tryYamlFile(text2);
  if (!file) return void 0;
  for (const [d, { root }] of file.documents.entries()) {
    let found;
    forEachValue(root, ({ node: node2, path: path2 }) => {
      if (node2.kind === "scalar" && node2.start <= at && at < node2.end) found = { node: node2, path: path2 };
    });
    if (!found) continue;
    const { path } = found;
    return file.documents.slice(0, d).some((earlier) => nodeAt(earlier.root, path) !== void 0) ? void 0 : { ...found, root };
  }
  return void 0;
}
function inKclString(text2, at, reference) {
  const tokens = tryTokenize(text2);
  if (!tokens) return false;
  for (let t = 0; t < tokens.count; t++) {
    if (tokens.kind[t] !== T.String || tokens.start[t] > at || at >= tokens.end[t]) continue;
    return !/^[A-Za-z]?(["'])\1$/.test(text2.slice(tokens.start[t], tokens.end[t]).replace(reference, ""));
  }
  return false;
}

// src/engine/prose.ts
function proseAt(text2, kcl) {
  const docstrings = kcl && (text2.includes('"""') || text2.includes("'''"));
  let spans;
  return (at) => {
    if (!docstrings && !hashBefore(text2, at)) return false;
    spans ??= (kcl ? kclProse(text2) : yamlComments(text2)).sort((a, b) => a[0] - b[0]);
    const last = spans[partitionPoint(spans.length, (i) => spans[i][0] <= at) - 1];
    return last !== void 0 && at < last[1];
  };
}
var LINE_LOOKBACK = 4096;
function hashBefore(text2, at) {
  for (let i = at - 1; i >= 0 && i >= at - LINE_LOOKBACK; i--) {
    const c = text2.charCodeAt(i);
    if (c === 35) return true;
    if (c === 10 || c === 13) return false;
  }
  return at > LINE_LOOKBACK;
}
function yamlComments(text2) {
  const spans = [];
  let offset = 0;
  let scalar2 = false;
  let block = false;
  for (const token of new Lexer().lex(text2)) {
    if (token === cst_exports.SCALAR) {
      scalar2 = true;
      continue;
    }
    if (token === cst_exports.DOCUMENT || token === cst_exports.FLOW_END) continue;
    const type = cst_exports.tokenType(token);
    if (scalar2 && block) spans.push(...embeddedComments(token, offset));
    else if (!scalar2 && type === "comment") spans.push([offset, offset + token.length]);
    if (type === "block-scalar-header") block = true;
    else if (type !== "newline" && type !== "space" && type !== "comment") block = false;
    if (scalar2) block = false;
    scalar2 = false;
    offset += token.length;
  }
  return spans;
}
function embeddedComments(body, offset) {
  const spans = [];
  for (const match of body.matchAll(/(?:^|[ \t])(#[^\n\r]*)/gm)) {
    const start = offset + match.index + match[0].length - match[1].length;
    spans.push([start, start + match[1].length]);
  }
  return spans;
}
function kclProse(text2) {
  const tokens = tryTokenize(text2);
  if (!tokens) return [];
  const spans = [];
  for (let c = 0; c < tokens.commentCount; c++) spans.push([tokens.commentStart[c], tokens.commentEnd[c]]);
  for (let t = 0; t < tokens.count; t++) {
    if (tokens.kind[t] === T.String && (tokens.flags[t] & StringFlag.Triple) !== 0) spans.push([tokens.start[t], tokens.end[t]]);
  }
  return spans;
}

// src/engine/left-behind.ts
function leftBehind(images, texts, context2) {
  return images.flatMap((image) => {
    const version = image.tag ?? image.digest;
    const holding3 = [...texts].flatMap(([path, raw]) => {
      const text2 = deployedText(raw);
      const at = spelledAt(text2, image);
      return at === void 0 ? [] : [{ path, text: text2, at }];
    });
    const current = holding3.some(({ text: text2 }) => text2.includes(version));
    const files = holding3.flatMap(({ path, text: text2, at }) => {
      const others = otherVersionsIn(text2, image, fileKind(path) === "kcl");
      const lines = others.length > 0 ? new LineIndex(text2) : void 0;
      const unexplained = !lines && !text2.includes(version) && !context2.explained(path, image, void 0);
      const defaulted = unexplained && context2.charts ? chartDefaulted(path, text2, image, context2.charts) : void 0;
      const places = lines ? others.map((other) => ({ ...other, line: lines.lineAt(other.at) })).filter(({ line }) => !context2.explained(path, image, line)) : defaulted ? [{ ...defaulted, line: lineAt(text2, defaulted.at) }] : unexplained && (context2.quiet && !current || inSplitImage(path, text2, image)) ? [{ at, line: lineAt(text2, at) }] : [];
      return places.length > 0 ? [{ path, places }] : [];
    });
    return files.length > 0 ? [{ image, files }] : [];
  });
}
var SAID_APART = 5;
function warnUnmoved(left, texts, context2, warnings) {
  for (const { image, files } of left) {
    const version = image.tag ?? image.digest;
    const outside = context2.targets.length > 0 ? files.filter(({ path }) => context2.inNoTarget(path)) : [];
    const unreached2 = files.filter((file) => !outside.includes(file));
    const said = (of, why) => {
      const places = of.flatMap(({ path, places: places2 }) => places2.map((place) => ({ file: path, line: place.line, place })));
      if (places.length > SAID_APART) {
        warnings.push({
          message: `${image.repository} is not moved to ${version} in ${places.length} places (${cappedList(places.map(({ file, line }) => `${file}:${line}`))}): ${why.many(places[0])}`
        });
        return;
      }
      for (const { file, line, place } of places) {
        const what = place.reference ? `${place.reference} is not moved to ${version}` : `${image.repository} appears here, but no field holds ${version} or was edited`;
        warnings.push({ file, line, message: `${what}: ${why.one(file, place)}` });
      }
    };
    const readme = '(see "What it edits" in the README)';
    if (unreached2.length > 0) {
      said(unreached2, {
        one: (file, place) => place.fix ?? fixFor(file, texts.get(file), place, image, context2.fieldName) ?? `it sits where no rule edits it ${readme}`,
        // The first place's fix, as an example: the places are often one manifest's field in each environment.
        many: ({ file, line, place }) => {
          const fix = place.fix ?? fixFor(file, texts.get(file), place, image, context2.fieldName);
          return fix ? `they sit where no rule edits them; for the first (${file}:${line}), ${fix}` : `they sit where no rule edits them ${readme}`;
        }
      });
    }
    const targets = `(targets: ${context2.targets.join(", ")})`;
    if (outside.length > 0) said(outside, { one: () => `this file is in no target ${targets}`, many: () => `their files are in no target ${targets}` });
  }
}
var SPLIT_IMAGE_EDITORS = [editKustomizeImages, editArgoCdHelm, editHelmValues];
function inSplitImage(path, text2, image) {
  if (fileKind(path) !== "yaml") return false;
  const body = text2.replace(/^\uFEFF/, "");
  try {
    return [image, ...globalReadings(body, image)].some(
      (as) => runEditors(body, { images: [{ image: as }], setters: /* @__PURE__ */ new Map(), file: path }, SPLIT_IMAGE_EDITORS).changes.length > 0
    );
  } catch (error) {
    if (error instanceof SourceError) return false;
    throw error;
  }
}
function globalReadings(text2, image) {
  if (!text2.includes("imageRegistry")) return [];
  const slash = image.repository.indexOf("/");
  const [registry, repositoryPath2] = [image.repository.slice(0, slash), image.repository.slice(slash + 1)];
  const registries = /* @__PURE__ */ new Set(["docker.io"]);
  let named2 = false;
  for (const { root } of tryYamlFile(text2)?.documents ?? []) {
    forEachValue(root, ({ node: node2, path }) => {
      const value = isFlowScalar(node2) ? node2.text.trim().toLowerCase() : void 0;
      if (value && path.at(-1) === "imageRegistry" && path.at(-2) === "global") named2 ||= value === registry;
      else if (value && path.at(-1) === "registry") registries.add(value);
    });
  }
  if (!named2) return [];
  const { tag, digest } = image;
  return [...registries].flatMap((other) => {
    const ref = other === registry ? void 0 : tryParseImageRef(`${other}/${repositoryPath2}`);
    return ref ? [{ ...ref, ...tag !== void 0 && { tag }, ...digest !== void 0 && { digest } }] : [];
  });
}
function chartOf(path) {
  return posix8.basename(path) === "values.yaml" ? posix8.join(posix8.dirname(path), "Chart.yaml") : void 0;
}
function chartsOf(paths, present) {
  return [...paths].flatMap((path) => {
    const chart = chartOf(path);
    return chart !== void 0 && present.has(chart) ? [chart] : [];
  });
}
function chartDefaulted(path, text2, image, charts) {
  const chartPath = chartOf(path);
  const chart = image.tag !== void 0 && chartPath !== void 0 ? charts.get(chartPath) : void 0;
  const appVersion = chart === void 0 ? void 0 : tryYamlFile(chart.replace(/^\uFEFF/, ""))?.documents[0]?.root;
  const held = appVersion?.kind === "map" ? mapValue(appVersion, "appVersion") : void 0;
  if (!isFlowScalar(held) || held.text === image.tag) return void 0;
  let found;
  for (const { root } of tryYamlFile(text2.replace(/^\uFEFF/, ""))?.documents ?? []) {
    forEachValue(root, ({ node: node2, path: at }) => {
      const repository = node2.kind === "map" && !found ? mapValue(node2, "repository") : void 0;
      if (node2.kind !== "map" || !isFlowScalar(repository) || mapValue(node2, "tag") !== void 0 || mapValue(node2, "digest") !== void 0) return;
      const registry = mapValue(node2, "registry");
      const ref = tryParseImageRef(isFlowScalar(registry) && registry.text !== "" ? `${registry.text}/${repository.text}` : repository.text);
      if (ref?.repository !== image.repository || ref.tag !== void 0 || ref.digest !== void 0) return;
      const field2 = formatPath([...at, "repository"]);
      const { advice } = overrideAdvice("appVersion", image.repository, { file: chartPath, part: "tag", subject: "appVersion" });
      found = {
        at: repository.start + (text2.startsWith("\uFEFF") ? 1 : 0),
        fix: `${field2} has no tag beside it, so the chart deploys its appVersion (${held.text}, ${chartPath}); ${advice}, or give ${formatPath([...at, "tag"])} here`
      };
    });
  }
  return found;
}
function otherVersionsIn(text2, image, kcl) {
  const inProse = proseAt(text2, kcl);
  return spellingsOf(text2, image).filter(
    ({ at, ref }) => ref?.repository === image.repository && (ref.tag !== void 0 || ref.digest !== void 0) && !holdsVersionOf(ref, image) && !inProse(at) && // A marked field follows its setter: what is said of the setter (one with no image, too) says why it stays.
    !/^[^\r\n]*\$imagepolicy/.test(text2.slice(at))
  );
}

// src/engine/left-behind-outside.ts
import { posix as posix9 } from "node:path";
async function warnBuiltOutside(run, images, tree, warnings) {
  const { files, inScope } = run;
  if (images.length === 0 || files.every(inScope) || !files.some((path) => isKustomizationFile(path) && inScope(path))) return;
  const built = await tree(false);
  const graph = graphOf(built, images);
  const inside = built.kustomizations.flatMap(({ file }) => inScope(file) ? graph.at(posix9.dirname(file)) ?? [] : []);
  const listed = new Set(files);
  const outside = [...new Set(walk3(graph, inside).flatMap((k) => k.resources.filter((path) => !graph.at(path) && !inScope(path) && listed.has(path))))];
  if (outside.length === 0) return;
  const read = await readScreened(run.source, outside, (path, text2) => images.some((image) => holdsImage(path, text2, image)), []);
  const texts = new Map(outside.flatMap((path, i) => read[i] === void 0 ? [] : [[path, read[i]]]));
  const left = leftBehind(images, texts, { explained: () => false, quiet: false });
  if (left.length === 0) return;
  const asWritten2 = deployedAsWrittenBy(await tree(), images);
  for (const { image, files: holding3 } of left) {
    const said = /* @__PURE__ */ new Map();
    for (const { path, places } of holding3) {
      const references = places.flatMap(({ reference }) => reference ?? []);
      if (references.length === 0) continue;
      for (const by of asWritten2({ file: path, text: texts.get(path) }, image.repository).by.filter(inScope)) {
        const entry = said.get(by) ?? said.set(by, { files: /* @__PURE__ */ new Set(), references: /* @__PURE__ */ new Set() }).get(by);
        entry.files.add(path);
        for (const reference of references) entry.references.add(reference);
      }
    }
    for (const [by, { files: bases, references }] of said)
      warnings.push({ file: by, message: builtOutsideMessage(image, [...bases], [...references]), about: { reason: "unmoved", image: image.repository } });
  }
}
function builtOutsideMessage(image, bases, references) {
  const name = tryParseImageRef(references[0])?.name ?? image.repository;
  const entry = [
    `name: ${name}`,
    ...image.tag === void 0 ? [] : [`newTag: ${image.tag}`],
    ...image.digest === void 0 ? [] : [`digest: ${image.digest}`]
  ];
  const directories = [...new Set(bases.map((path) => `${posix9.dirname(path)}/`))];
  return `the build here deploys ${andList(bases)} (outside the paths to update) as written, at ${andList(references)}; add an images: entry (${entry.join(", ")}) here, or add ${andList(directories)} to the paths to update`;
}

// src/engine/misplaced-config.ts
var AT_ROOT = /^gitops-promote\.ya?ml$/;
var NESTED = /^(.+)\/\.github\/gitops-promote\.ya?ml$/;
var CONFIG_KEY = /^(?:targets|setters|overrides)[ \t]*:/m;
var OBJECT_KEY = /^(?:apiVersion|kind)[ \t]*:/m;
async function misplacedConfigsIn(source, files, read) {
  const named2 = files.filter((path) => path !== read.path && (AT_ROOT.test(path) || NESTED.test(path)));
  const texts = await Promise.all(named2.map((path) => readText(source, path)));
  return new Set(named2.filter((_, i) => CONFIG_KEY.test(texts[i]) && !OBJECT_KEY.test(texts[i])));
}
var READ_ONLY_FROM = "a configuration is read only from .github/gitops-promote.yaml (or .yml) at the root";
function refuseUnreadConfig(misplaced, read, name) {
  if (!read.byDefault || read.present) return;
  const unread = [...misplaced].filter((path) => AT_ROOT.test(path));
  if (unread.length === 0) return;
  throw new RequestError(
    unread.map((path) => {
      const [readIt, readNone] = name ? [givenValue(name, "config", path), givenValue(name, "config", NO_CONFIG)] : [`--config ${path} (config: ${path} in the Action)`, `--config ${NO_CONFIG} (config: ${NO_CONFIG})`];
      return {
        file: path,
        field: "request",
        message: `not read: ${READ_ONLY_FROM}, so its targets, their policies and its overrides would not apply, and this run would edit every file alike; move it to .github/${path}, or read it where it is with ${readIt}, or run without a configuration with ${readNone}`
      };
    })
  );
}
function warnMisplacedConfigs(misplaced, read, name) {
  refuseUnreadConfig(misplaced, read, name);
  const where2 = read.none ? `the run reads no configuration (${name ? givenValue(name, "config", NO_CONFIG) : `config ${NO_CONFIG}`})` : read.path === void 0 ? "the configuration read is the one the request gives" : read.byDefault && !read.present ? READ_ONLY_FROM : `the configuration read is ${read.path}`;
  return [...misplaced].map((path) => {
    const tree = NESTED.exec(path)?.[1];
    const advice = tree !== void 0 ? `to apply them, run gitops-promote update on ${tree}, the tree it configures` : read.none ? `to apply them, name it as the configuration instead of ${NO_CONFIG}` : "to apply them, move them into that configuration";
    return {
      file: path,
      message: `not read, as a configuration or a manifest: ${where2}, so its targets, their policies and its overrides do not apply to this run; ${advice}`,
      aside: true
    };
  });
}

// src/engine/plan.ts
function publicFilePlan(file) {
  return { ...file, changes: file.changes.map(publicChange) };
}
async function planUpdate(listed, request) {
  const valid = await validateInTree(listed, request);
  const malformed2 = malformedSets(valid.sets, request.fieldName);
  if (malformed2.length > 0) throw new RequestError(malformed2);
  const { files, links, source, warnings: leftOut } = await listTree(listed);
  const present = new Set(files);
  const create = request.create ?? false;
  const { config, configPath, given } = await configOf2(source, present, request, create, links);
  const readConfig = {
    path: given ? void 0 : configPath,
    present: config !== void 0,
    byDefault: request.config === void 0,
    none: request.config === NO_CONFIG
  };
  const misplacedFiles = await misplacedConfigsIn(source, files, readConfig);
  const misplaced = warnMisplacedConfigs(misplacedFiles, readConfig, request.fieldName);
  const targets = asIssuesOf("target", () => targetsInScope(config, request.targets));
  const warnings = [];
  const inScope = pathFilter(request.paths ?? [], files, warnings, links);
  const idlePaths = [];
  warnIdlePaths(config?.targets ?? [], targets, files, configPath, idlePaths);
  const { byFile: overridesByFile, issues } = collectOverrides(valid, config, configPath, present, inScope, warnings, request.fieldName, links);
  issues.push(...ofField("config", await checkConfiguredOverrides(source, config?.overrides ?? [], configPath, present, create, request.fieldName, links)));
  if (issues.length > 0) throw new RequestError(issues.map(unfiled));
  const run = runContext({
    valid,
    source,
    files,
    treeRoot: repositoryPath(request.pathInRepository ?? ""),
    present,
    config,
    configPath,
    misplaced: misplacedFiles,
    targets,
    inScope,
    overridesByFile,
    allowDowngrade: request.allowDowngrade ?? false,
    create,
    fieldName: request.fieldName
  });
  const { texts, readOnly, unread } = await readCandidates(run, warnings);
  const kustomizations = kustomizationsIn(source, files, texts, run.treeRoot);
  const tagged = await kustomizeTaggedIn(kustomizations, texts, valid.images, run);
  const mergedOver = [];
  const paired2 = await pairedTagsIn(kustomizations, texts, run, warnings, mergedOver);
  const resolved = resolveSetters(run, texts, warnings, [...texts.values()].some(mayHoldFluxObjects) ? await kustomizations(false) : void 0);
  const setters = { forFile: (path) => readsMarkers(path) ? resolved.forFile(path) : NO_SETTERS, fluxPoliciesAt: resolved.fluxPoliciesAt };
  warnings.push(...await unreadWarnings(source, unread, valid.images, (path) => setters.forFile(path).setters));
  const inScopeTexts = [...texts].filter(([path]) => inScope(path));
  await warnReach(run, inScopeTexts, resolved, setters, paired2, mergedOver, warnings);
  const planned = planFiles(run, texts, readOnly, tagged, paired2, setters, warnings);
  warnings.push(...await keptSpecsOver(planned, texts, run.treeRoot, source, present));
  warnImageUpdaterConstraints(
    valid.images,
    inScopeTexts,
    planned.flatMap((file) => file.changes),
    (path, image) => {
      const target = run.targetFor(path);
      return target && { target: target.name, ...allowance(target, image) };
    },
    warnings
  );
  await warnLoneTags(run, texts, planned, warnings);
  warnings.push(
    ...runningAutomations(
      resolved.automations,
      planned.map((file) => file.path)
    )
  );
  await warnLeftBehind(run, texts, planned, setters, kustomizations, warnings);
  await warnBuiltOutside(run, valid.images, kustomizations, warnings);
  warnings.push(...await reachingOtherTargets(run, planned, kustomizations));
  return {
    files: planned.map(publicFilePlan),
    changes: planned.flatMap((f) => f.changes.map(publicChange)),
    warnings: [...leftOut, ...misplaced, ...idlePaths, ...warnings].map((w) => unfiled(publicWarning(w))),
    targets: targets.map((t) => ({ name: t.name, ...t.delivery && { delivery: t.delivery } })),
    images: [...valid.images, ...valid.setters.values()]
  };
}
function runContext(parts) {
  const { valid, config, targets, allowDowngrade } = parts;
  const ownerOf = targetOf(config?.targets ?? []);
  const targetFor = (path) => {
    const owner = ownerOf(path);
    return owner && targets.includes(owner) ? owner : void 0;
  };
  const unselected = (path) => ownerOf(path) !== void 0 && targetFor(path) === void 0;
  return {
    ...parts,
    ownerOf,
    targetFor,
    unselected,
    keptOut: (path, image) => {
      const target = targetFor(path);
      return target !== void 0 && allowance(target, image).refused !== void 0;
    },
    updatesFor: (path) => unselected(path) ? [] : imagesFor(valid.images, config, targetFor(path), allowDowngrade)
  };
}
async function warnReach(run, inScopeTexts, resolved, { forFile }, paired2, mergedOver, warnings) {
  const { valid, config, overridesByFile } = run;
  const reachedByPatch = pairedRepositories(paired2);
  const updated = (path) => run.inScope(path) && !run.unselected(path);
  const updatedTexts = inScopeTexts.filter(([path]) => updated(path));
  const overrides = new Map([...overridesByFile].filter(([file]) => updated(file)));
  const candidates2 = valid.images.filter((image) => !reachedByPatch.has(image.repository));
  const misread = (image) => new Set(mergedOver.filter((m) => m.written === image.repository).map((m) => m.file));
  const unreached2 = unreachedImages({ ...valid, images: candidates2 }, resolved.definedFor, overrides, updatedTexts, misread);
  const outside = await holdersOutside(run, updated, unreached2);
  const configured = config?.targets ?? [];
  const selected = run.targets.length < configured.length ? run.targets.map((t) => t.name) : void 0;
  warnUnreached(
    valid,
    unreached2,
    {
      keys: resolved.known.keys,
      repositories: /* @__PURE__ */ new Set([
        ...resolved.known.repositories,
        ...configured.flatMap((t) => t.images.map((i) => i.repository)),
        ...(config?.overrides ?? []).map((o) => o.repository)
      ]),
      mergedOver
    },
    updatedTexts,
    resolved.definedFor,
    leftOutBy(!run.files.every(run.inScope), selected, (image) => outside.get(image.repository) ?? 0),
    warnings
  );
  const markerImages = resolved.updates.map((u) => u.image).filter((image) => !valid.images.some((i) => i.repository === image.repository));
  warnRefusedImages(
    [
      ...valid.images.map((image) => ({ image, byRepository: true })),
      ...new Map(markerImages.map((image) => [image.repository, { image, byRepository: false }])).values()
    ],
    run.targets,
    run.ownerOf,
    new Map(inScopeTexts),
    (path) => ({ setters: forFile(path).setters }),
    warnings
  );
}
async function holdersOutside(run, updated, images) {
  const held = /* @__PURE__ */ new Map();
  if (images.length === 0) return held;
  const outside = run.files.filter((path) => !updated(path) && mayBeManifest(run, path));
  const texts = await readScreened(run.source, outside, (path, text2) => images.some((image) => holdsImage(path, text2, image)), []);
  outside.forEach((path, i) => {
    for (const image of images)
      if (texts[i] !== void 0 && holdsImage(path, texts[i], image)) held.set(image.repository, (held.get(image.repository) ?? 0) + 1);
  });
  return held;
}
async function readCandidates(run, warnings) {
  const { source, files, inScope, overridesByFile } = run;
  const screen = screenFor(run.valid.images);
  const paths = files.filter((path) => overridesByFile.has(path) || mayBeManifest(run, path) && (inScope(path) || fileKind(path) === "yaml"));
  const readOnly = /* @__PURE__ */ new Set();
  const unread = /* @__PURE__ */ new Map();
  const keep = (path, text2) => {
    if (!inScope(path))
      return mayHoldFluxObjects(text2) || mayHoldKclRun(text2) || mayGiveNamespace(text2) || mayHoldDeployer(path, text2) && screen.yaml.test(text2);
    const kind2 = unreadKind(text2);
    if (kind2 !== void 0) {
      unread.set(path, kind2);
      return false;
    }
    if (overridesByFile.has(path)) return true;
    if (fileKind(path) !== "yaml") return screen.kcl(text2);
    const found = screen.yaml.exec(text2);
    if (found === null) {
      if (mayHoldKclRun(text2)) return true;
      if (!mayGiveNamespace(text2)) return false;
      readOnly.add(path);
      return true;
    }
    if (found[0] !== "Application") return true;
    if (screen.argo.test(text2) || hasPlaceholder(text2) && screen.templated.some((piece) => text2.includes(piece))) return true;
    if (!mayRankOverValues(text2)) return false;
    readOnly.add(path);
    return true;
  };
  const read = await readScreened(source, paths, keep, warnings);
  for (const path of overridesByFile.keys()) read[paths.indexOf(path)] ??= await readNamed(source, path);
  return { texts: new Map(paths.flatMap((path, i) => read[i] === void 0 ? [] : [[path, read[i]]])), readOnly, unread };
}
function planFiles(run, texts, readOnly, tagged, paired2, { forFile, fluxPoliciesAt: fluxPoliciesAt2 }, warnings) {
  const planned = [];
  for (const [path, text2] of texts) {
    if (!run.inScope(path) || readOnly.has(path)) continue;
    const target = run.targetFor(path);
    const { setters, knownSetters, left } = forFile(path);
    const kustomizeTagged2 = tagged.left.get(path);
    const pairedTags = paired2.get(path);
    const editRequest = run.unselected(path) ? {
      images: [],
      setters: /* @__PURE__ */ new Map(),
      knownSetters: new Map([...knownSetters, ...[...setters.keys()].map((key) => [key, void 0])]),
      fieldName: run.fieldName,
      file: path
    } : {
      images: run.updatesFor(path),
      setters: settersFor(setters, target),
      knownSetters,
      ...kustomizeTagged2 && { kustomizeTagged: kustomizeTagged2 },
      ...pairedTags && { pairedTags },
      fieldName: run.fieldName,
      file: path
    };
    const requested = run.overridesByFile.get(path) ?? [];
    const overrides = requested.flatMap((o) => typeof o === "string" ? [o] : configuredOverride(o, editRequest.images));
    const overridden = overriddenIn(requested, editRequest.images);
    const filePlan = planFile(path, text2, editRequest, overrides, overridden, run.create, target?.name, warnings, isHelmTemplate(path, run.present));
    if (!filePlan) continue;
    planned.push(filePlan);
    warnTaggedElsewhere(filePlan.changes, tagged.elsewhere.get(path), target?.name, warnings);
    const marks = marksOf(path, text2);
    let misplaced;
    warnBesideMarkers(filePlan.changes, target ? /* @__PURE__ */ new Map() : editRequest.setters, left, marks, warnings);
    warnUnpolicied(
      filePlan.changes,
      editRequest.images,
      (repository) => fluxPoliciesAt2(path, repository),
      (image) => markedIn2(forFile(path), marks, image),
      () => misplaced ??= misplacedMarkers(path, text2),
      warnings
    );
    warnDowngrades(filePlan.changes, editRequest.images, editRequest.setters, warnings);
  }
  return planned;
}
async function warnLoneTags(run, texts, planned, warnings) {
  const loneTags2 = [];
  const unread = unreadValueFiles(texts, run.present, run.updatesFor);
  const valueTexts = await readScreened(run.source, unread, () => true, []);
  const withValues = new Map([...texts, ...unread.flatMap((path, i) => valueTexts[i] === void 0 ? [] : [[path, valueTexts[i]]])]);
  warnLoneTagParameters(withValues, run.inScope, run.updatesFor, loneTags2, run.fieldName);
  const moved = new Set(planned.flatMap((file) => file.changes.map((c) => `${c.file}:${c.line}`)));
  const overrides = run.config?.overrides ?? [];
  warnings.push(...loneTags2.filter((w) => !moved.has(`${w.file}:${w.line}`) && !overrideNames(w, run.overridesByFile.get(w.file) ?? [], overrides)));
}
function warnedOf(said, repository, line) {
  if (line === void 0 || said.some((w) => w.about?.reason === "not-edited")) return said.length > 0;
  const ofOther = (w) => w.about?.image !== void 0 && w.about.image !== repository;
  const namesLine = (w) => w.line === void 0 || w.about?.lines?.includes(line) === true;
  return said.some((w) => w.line === line && !ofOther(w) || namesLine(w) && w.about?.image === repository);
}
async function warnLeftBehind(run, texts, planned, { forFile }, kustomizations, warnings) {
  const { valid, config } = run;
  const after = new Map(planned.map((file) => [file.path, file.after]));
  const warned = /* @__PURE__ */ new Map();
  for (const w of warnings) {
    if (w.file === void 0 || isAside(w)) continue;
    const said = warned.get(w.file) ?? [];
    said.push(w);
    warned.set(w.file, said);
  }
  const finalTexts = new Map([...texts].filter(([path]) => run.inScope(path)).map(([path, text2]) => [path, after.get(path) ?? text2]));
  const marks = /* @__PURE__ */ new Map();
  const marksIn = (path) => marks.get(path) ?? marks.set(path, marksOf(path, texts.get(path))).get(path);
  const charts = new Map(
    await Promise.all(chartsOf(finalTexts.keys(), run.present).map(async (path) => [path, after.get(path) ?? await readText(run.source, path)]))
  );
  const left = leftBehind(valid.images, finalTexts, {
    charts,
    explained: (path, image, line) => warnedOf(warned.get(path) ?? [], image.repository, line) || // Marked fields follow their setter, overridden ones their override (a --set names no image: any of them): a warning says why either is left.
    (run.overridesByFile.get(path) ?? []).some((o) => typeof o === "string" || o.repository === image.repository) || (config?.overrides ?? []).some((o) => o.file === path && o.repository === image.repository) || markedIn2(forFile(path), marksIn(path), image) || run.keptOut(path, image) || run.unselected(path),
    quiet: planned.length === 0 && warnings.every(isAside)
  });
  const built = left.length > 0 ? await kustomizations() : void 0;
  const retagged = built && retaggedInEveryBuild(built, valid.images);
  const asWritten2 = built && deployedAsWrittenBy(built, valid.images);
  const kclRuns = left.length > 0 ? [...texts].flatMap(([path, text2]) => fileKind(path) === "yaml" && mayHoldKclRun(text2) ? kclRunsIn(text2, run.treeRoot) : []) : [];
  warnUnmoved(
    left.map(({ image, files }) => ({
      image,
      // Kustomize re-tags the image fields its entries name, a KCLRun the fields its specs set; the same reference in args or an env value is left behind all the same.
      files: files.flatMap((file) => {
        const text2 = finalTexts.get(file.path);
        const names = retagged?.get(file.path);
        const written = names ? void 0 : asWritten2?.({ file: file.path, text: text2 }, image.repository);
        if (written?.built && !written.deployed) return [];
        const at = names ? retaggedAt(text2, image.repository, names) : /* @__PURE__ */ new Set();
        const lines = setByEveryKclRun(kclRuns, file.path, text2);
        const places = file.places.filter((place) => !at.has(place.at) && !lines.has(place.line));
        return places.length > 0 ? [{ ...file, places }] : [];
      })
    })),
    finalTexts,
    { targets: (config?.targets ?? []).map((t) => t.name), inNoTarget: (path) => run.ownerOf(path) === void 0, fieldName: run.fieldName },
    warnings
  );
}
var NO_SETTERS = { setters: /* @__PURE__ */ new Map(), knownSetters: /* @__PURE__ */ new Map(), left: /* @__PURE__ */ new Map() };
function markedIn2({ setters, left }, marks, image) {
  const keys = [
    ...[...setters].filter(([, update]) => update.image.repository === image.repository).map(([key]) => key),
    ...[...left].filter(([, images]) => images.some((i) => i.repository === image.repository)).map(([key]) => key)
  ];
  return keys.some(marks);
}
function planFile(path, text2, request, overrides, overridden, create, target, warnings, helmTemplate) {
  const kind2 = fileKind(path);
  const bom = text2.startsWith("\uFEFF") ? "\uFEFF" : "";
  const body = text2.slice(bom.length);
  let edited;
  try {
    edited = kind2 === "kcl" ? editCheckedKcl(body, request, overridden) : kind2 === "kcl-mod" ? editKclMod(body, request) : editCheckedYaml(body, request);
  } catch (caught) {
    const overflow = caught instanceof RangeError && /call stack/i.test(caught.message);
    const error = overflow ? new SourceError(`nested too deep to read (${caught.message})`) : caught;
    if (!(error instanceof SourceError)) throw error;
    if (overrides.length > 0) throw new RequestError([located(path, error)]);
    if (!helmTemplate)
      warnings.push({
        file: path,
        ...error.line !== void 0 && { line: error.line },
        message: `not edited: ${error.message}`,
        about: { reason: "not-edited" }
      });
    return void 0;
  }
  const {
    changes,
    warnings: fileWarnings,
    text: after
  } = overrides.length > 0 ? overFileAbout(path, kind2, edited, overrides, create, body, request.fieldName) : edited;
  warnings.push(...fileWarnings.filter((w) => w.kind !== "policy-refusal").map((w) => ({ ...w, file: path })));
  if (after === body) return void 0;
  checkParses(kind2, path, body, after);
  return {
    path,
    before: text2,
    after: bom + after,
    changes: changes.map((c) => ({ ...c, file: path, ...target && { target } })),
    ...target && { target }
  };
}

// src/engine/apply.ts
import { closeSync, fchmodSync, fchownSync, lstatSync, openSync, readFileSync as readFileSync2, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { basename, dirname, isAbsolute, join as join3, relative, sep } from "node:path";
async function writePlan(root, plan, rename = renameSync) {
  const changed = plan.files.filter((file) => file.after !== file.before);
  if (changed.length === 0) return;
  const writes2 = checkedTargets(root, changed);
  const staged = [];
  try {
    for (const write of writes2) {
      const temp = tempBeside(write.target);
      const fd = openSync(temp, "wx");
      staged.push({ ...write, temp });
      try {
        writeFileSync(fd, write.file.after);
        keepOwner(fd, write);
        fchmodSync(fd, write.mode);
      } finally {
        closeSync(fd);
      }
    }
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw error;
  }
  renameAll(staged, rename);
}
var NAME_MAX = 255;
function tempBeside(target) {
  const suffix = `.gitops-promote-${process.pid}.tmp`;
  const name = basename(target);
  const fits = Buffer.byteLength(name + suffix) <= NAME_MAX;
  return join3(dirname(target), `${fits ? name : createHash("sha256").update(name).digest("hex").slice(0, 16)}${suffix}`);
}
function keepOwner(fd, { uid, gid }) {
  try {
    fchownSync(fd, uid, gid);
  } catch (error) {
    if (error.code !== "EPERM") throw error;
  }
}
function renameAll(staged, rename) {
  for (const [i, current] of staged.entries()) {
    try {
      rename(current.temp, current.target);
    } catch (error) {
      for (const { temp } of staged.slice(i)) rmSync(temp, { force: true });
      const left = staged.slice(0, i).filter((done) => !restored(done));
      const reason = error instanceof Error ? error.message : String(error);
      const outcome = left.length === 0 ? "nothing was written" : `${andList(left.map((done) => done.file.path))} could not be put back and ${left.length === 1 ? "holds its" : "hold their"} new text; the other files were put back`;
      throw new Error(`could not write ${current.file.path}: ${reason}; ${outcome}`, { cause: error });
    }
  }
}
function restored({ target, file }) {
  try {
    writeFileSync(target, file.before);
    return true;
  } catch {
    return false;
  }
}
function checkedTargets(root, files) {
  const realRoot = realpathSync.native(root);
  const realDirs = /* @__PURE__ */ new Map();
  const edited = [];
  const writes2 = files.map((file) => {
    if (file.path.split("/").some((part) => part === ".." || part === "") || file.path.startsWith("/")) {
      throw new Error(`refusing to write ${JSON.stringify(file.path)}: it is no plain path under ${root}; nothing was written`);
    }
    const target = join3(root, ...file.path.split("/"));
    const dir = dirname(target);
    let realDir = realDirs.get(dir);
    if (realDir === void 0) {
      realDir = realpathSync.native(dir);
      realDirs.set(dir, realDir);
    }
    if (!isInside(realRoot, realDir)) {
      throw new Error(`refusing to write ${file.path}: its directory resolves to ${realDir}, outside ${realRoot} (a symbolic link); nothing was written`);
    }
    const stats = lstatSync(target);
    if (!stats.isFile()) {
      throw new Error(`refusing to write ${file.path}: it is ${stats.isSymbolicLink() ? "a symbolic link" : "not a regular file"}; nothing was written`);
    }
    if (!readFileSync2(target).equals(Buffer.from(file.before))) edited.push(file.path);
    return { file, target, mode: stats.mode & 4095, uid: stats.uid, gid: stats.gid };
  });
  if (edited.length > 0) throw new StalePlanError(edited);
  return writes2;
}
var StalePlanError = class extends Error {
  constructor(paths) {
    const [verb, pronoun] = paths.length === 1 ? ["has", "its"] : ["have", "their"];
    super(
      `refusing to write ${andList(paths)}: ${verb} changed since the plan was made (${pronoun} text is not the plan's before, and writing would lose that change); plan again; nothing was written`
    );
    this.paths = paths;
    this.name = "StalePlanError";
  }
  paths;
};
function isInside(root, path) {
  const rel = relative(root, path);
  return rel === "" || !isAbsolute(rel) && rel !== ".." && !rel.startsWith(`..${sep}`);
}

// src/engine/payload.ts
var PAYLOAD_VERSION = 1;
var MAX_TOP_LEVEL_KEYS = 10;
var MAX_PAYLOAD_BYTES = 64 * 1024;
var MAX_INPUT_CHARACTERS = 65535;
var MAX_PAYLOAD_NESTING = 1e3;
function sourceFromEnv(env) {
  const { GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = env;
  const runUrl = repository && runId ? `${env["GITHUB_SERVER_URL"] || "https://github.com"}/${repository}/actions/runs/${runId}` : void 0;
  return {
    ...repository && { repository },
    ...env["GITHUB_SHA"] && { sha: env["GITHUB_SHA"] },
    ...env["GITHUB_REF"] && { ref: env["GITHUB_REF"] },
    ...runUrl && { run_url: runUrl },
    ...env["GITHUB_ACTOR"] && { actor: env["GITHUB_ACTOR"] }
  };
}
var PAYLOAD_INPUT = "payload";
var PAYLOAD_FIELDS = {
  repository_dispatch: "client_payload",
  workflow_dispatch: `inputs.${PAYLOAD_INPUT}`
};
var PayloadError = class extends Error {
  constructor(field2, reason) {
    super(`${field2}: ${reason}`);
    this.field = field2;
    this.reason = reason;
    this.name = "PayloadError";
  }
  field;
  reason;
};
var SOURCE_FORMS = {
  repository: { expected: "OWNER/NAME", test: (text2) => splitRepositoryName(text2) !== void 0 },
  sha: { expected: "a commit SHA (7 to 64 hex digits)", test: (text2) => /^[0-9a-f]{7,64}$/i.test(text2) },
  // git check-ref-format refuses these characters in any ref name, ":" among them.
  ref: { expected: "a git ref (refs/..., without spaces, control characters or any of ~^:?*[\\)", test: (text2) => /^refs\/[^\s\p{Cc}~^:?*[\\]+$/u.test(text2) },
  run_url: { expected: "an http(s) URL", test: isWebUrl },
  actor: { expected: "a GitHub login", test: isActorLogin }
};
var RESERVED_KEYS = /* @__PURE__ */ new Set(["v", "images", "source", "targets"]);
function buildPayload(input, kind2 = "repository_dispatch") {
  const where2 = PAYLOAD_FIELDS[kind2];
  const extra = input.extra ?? {};
  for (const key of Object.keys(extra)) {
    const issue = reservedKeyIssue(key);
    if (issue) throw new PayloadError(`${where2}.${key}`, issue);
  }
  const tooMany = extraKeysIssue(input);
  if (tooMany) throw new PayloadError(where2, tooMany);
  return parsePayload({ ...ownPart(input), ...extra }, kind2);
}
function ownPart(input) {
  const source = input.source && withoutUndefined(input.source);
  return {
    v: PAYLOAD_VERSION,
    images: input.images,
    ...source && Object.keys(source).length > 0 && { source },
    ...input.targets && input.targets.length > 0 && { targets: input.targets }
  };
}
function extraKeysIssue(input) {
  const own = Object.keys(ownPart(input));
  const extra = Object.keys(input.extra ?? {});
  if (own.length + extra.length <= MAX_TOP_LEVEL_KEYS) return void 0;
  return `${extra.length} extra keys (${extra.map(quotedExcerpt).join(", ")}) and gitops-promote's ${own.length} (${own.join(", ")}) make ${own.length + extra.length} top-level keys; GitHub allows at most ${MAX_TOP_LEVEL_KEYS}. Nest the extra keys under one, e.g. {"build": {${extra.slice(0, 2).map((key) => `${quotedExcerpt(key)}: ...`).join(", ")}, ...}}`;
}
function reservedKeyIssue(key) {
  return RESERVED_KEYS.has(key) ? `the extra payload may not set "${key}": gitops-promote writes it` : void 0;
}
function parsePayload(value, kind2 = "repository_dispatch", where2 = PAYLOAD_FIELDS[kind2]) {
  const object = typeof value === "string" ? parseJson(value, where2) : value;
  if (!isRecord(object)) throw new PayloadError(where2, `expected a JSON object, got ${describe2(object)}`);
  const keys = Object.keys(object);
  if (keys.length > MAX_TOP_LEVEL_KEYS) {
    throw new PayloadError(where2, `has ${keys.length} top-level keys (${keys.map(quotedExcerpt).join(", ")}); GitHub allows at most ${MAX_TOP_LEVEL_KEYS}`);
  }
  const shape = shapeIssue(object);
  if (shape) throw new PayloadError(where2, shape);
  const size = payloadSize(JSON.stringify(object), kind2);
  if (size.over) throw new PayloadError(where2, `is ${size.size} of JSON; ${size.limit}`);
  checkVersion(object["v"], `${where2}.v`);
  const images = checkImages(object["images"], `${where2}.images`, misspelt(object, "images"));
  const source = object["source"] === void 0 ? void 0 : checkSource(object["source"], `${where2}.source`);
  const nearTargets = object["targets"] === void 0 ? misspelt(object, "targets") : "";
  if (nearTargets !== "") throw new PayloadError(`${where2}.targets`, `missing, so the run would update every target${nearTargets}`);
  const targets = object["targets"] === void 0 ? void 0 : checkTargets(object["targets"], `${where2}.targets`);
  return { ...object, v: PAYLOAD_VERSION, images, ...source && { source }, ...targets && { targets } };
}
function payloadSize(json, kind2) {
  if (kind2 === "workflow_dispatch") {
    const characters = [...json].length;
    return {
      size: `${characters} characters`,
      limit: `GitHub allows at most ${MAX_INPUT_CHARACTERS} characters in a workflow_dispatch's inputs`,
      over: characters > MAX_INPUT_CHARACTERS
    };
  }
  const bytes = new TextEncoder().encode(json).length;
  return {
    size: `${bytes} bytes`,
    limit: `GitHub requires less than ${MAX_PAYLOAD_BYTES} bytes (64KB) in a repository_dispatch's client_payload`,
    over: bytes >= MAX_PAYLOAD_BYTES
  };
}
function misspelt(payload, key) {
  const near = closest(
    key,
    Object.keys(payload).filter((name) => !RESERVED_KEYS.has(name))
  );
  return near === void 0 ? "" : `; the payload has ${JSON.stringify(near)}${didYouMean(key)}`;
}
function checkVersion(v, field2) {
  if (v === void 0) throw new PayloadError(field2, `missing; expected ${PAYLOAD_VERSION} (the payload version)`);
  if (typeof v !== "number") throw new PayloadError(field2, `expected the number ${PAYLOAD_VERSION} (the payload version), got ${describe2(v)}`);
  if (v !== PAYLOAD_VERSION) {
    throw new PayloadError(field2, `version ${quoted2(v)} is not supported; this gitops-promote reads version ${PAYLOAD_VERSION}`);
  }
}
function checkImages(value, field2, nearly = "") {
  if (value === void 0) throw new PayloadError(field2, `missing; expected a list of image references${nearly}`);
  if (!Array.isArray(value)) throw new PayloadError(field2, `expected a list of image references, got ${describe2(value)}`);
  if (value.length === 0) throw new PayloadError(field2, "is empty; name at least one image");
  const texts = value.map((item, i) => {
    if (typeof item !== "string") throw new PayloadError(`${field2}[${i}]`, `expected an image reference string, got ${describe2(item)}`);
    return item;
  });
  const [issue] = checkIncomingImages(texts, (i) => `${field2}[${i}]`).issues;
  if (issue) throw new PayloadError(issue.field, issue.reason);
  return texts;
}
function checkSource(value, field2) {
  if (!isRecord(value)) throw new PayloadError(field2, `expected an object, got ${describe2(value)}`);
  for (const [key, form] of Object.entries(SOURCE_FORMS)) {
    const v = value[key];
    if (v !== void 0 && typeof v !== "string") throw new PayloadError(`${field2}.${key}`, `expected a string, got ${describe2(v)}`);
    if (v && !form.test(v)) throw new PayloadError(`${field2}.${key}`, `expected ${form.expected}, got ${describe2(v)}`);
  }
  return value;
}
function isWebUrl(text2) {
  if (/[\s\p{Cc}]/u.test(text2)) return false;
  try {
    const { protocol } = new URL(text2);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}
function checkTargets(value, field2) {
  if (!Array.isArray(value)) throw new PayloadError(field2, `expected a list of target names, got ${describe2(value)}`);
  return value.map((item, i) => {
    if (typeof item !== "string" || item.trim() === "") throw new PayloadError(`${field2}[${i}]`, `expected a target name, got ${describe2(item)}`);
    const issue = targetNameIssue(item);
    if (issue) throw new PayloadError(`${field2}[${i}]`, issue);
    return item;
  });
}
function targetNameIssue(name) {
  return TARGET_NAME.test(name) ? void 0 : `${quotedExcerpt(name)} is not a target name: it ${TARGET_NAME_RULE}`;
}
function imagesFromMetadata(json, digest, where2 = "metadata") {
  const data = parseMetadata(json, where2);
  if (!isRecord(data)) throw new PayloadError(where2, `expected a JSON object, got ${describe2(data)}`);
  let names;
  let preferredTag;
  let pushedDigest = digest?.trim() || void 0;
  if (Array.isArray(data["tags"])) {
    names = stringList(data["tags"], `${where2}.tags`);
    const labels = data["labels"];
    const version = isRecord(labels) ? labels["org.opencontainers.image.version"] : void 0;
    if (typeof version === "string" && version !== "") preferredTag = version;
  } else if (typeof data["image.name"] === "string") {
    names = data["image.name"].split(",").map((name) => name.trim()).filter((name) => name !== "");
    const pushed = digestOf(data);
    if (pushedDigest !== void 0 && pushed !== void 0 && pushedDigest !== pushed) throw new PayloadError("digest", notPushed(pushedDigest, pushed, data));
    pushedDigest ??= pushed;
  } else {
    throw new PayloadError(
      where2,
      `expected docker/metadata-action's json output (with "tags") or docker/build-push-action's metadata output (with "image.name"); got keys ${Object.keys(data).join(", ") || "(none)"}`
    );
  }
  if (names.length === 0) throw new PayloadError(where2, "names no image (no tags were generated or pushed)");
  const byRepository2 = /* @__PURE__ */ new Map();
  names.forEach((name, i) => {
    const field2 = Array.isArray(data["tags"]) ? `${where2}.tags[${i}]` : `${where2}["image.name"]`;
    const ref = parseRef(name, field2);
    const chosen = byRepository2.get(ref.repository);
    if (!chosen || preferredTag !== void 0 && ref.tag === preferredTag && chosen.tag !== preferredTag) byRepository2.set(ref.repository, ref);
  });
  return [...byRepository2.values()].map((ref) => {
    const text2 = formatImageRef({ ...ref, digest: ref.digest ?? pushedDigest });
    parseRef(text2, digest?.trim() ? "digest" : `${where2}["containerimage.digest"]`);
    return text2;
  });
}
function parseMetadata(text2, where2) {
  try {
    return parseJson(text2, where2);
  } catch (error) {
    if (!(error instanceof PayloadError)) throw error;
    throw new PayloadError(
      where2,
      `${error.reason}; it takes docker/metadata-action's \`json\` output (\`\${{ steps.meta.outputs.json }}\`) or docker/build-push-action's \`metadata\` output, not metadata-action's \`tags\` or \`labels\`. To announce a tag of your choosing, put it in \`images\`, one reference per image.`
    );
  }
}
function notPushed(digest, pushed, data) {
  const pushedName = `${pushed} (metadata's "containerimage.digest", build-push-action's \`digest\` output)`;
  const fix = "leave `digest` out, as `metadata` carries the pushed digest, or pass the same step's `digest` output";
  if (digest === data["containerimage.config.digest"]) {
    return `${digest} is the image ID (metadata's "containerimage.config.digest", build-push-action's \`imageid\` output): the digest of the image's config, which no registry pulls an image by, not the pushed manifest's digest ${pushedName}: ${fix}`;
  }
  return `${digest} differs from the digest build-push-action pushed, ${pushedName}: the references would name an image that was not pushed; ${fix}`;
}
function digestOf(data) {
  const direct = data["containerimage.digest"];
  if (typeof direct === "string" && direct !== "") return direct;
  const descriptor = data["containerimage.descriptor"];
  const nested = isRecord(descriptor) ? descriptor["digest"] : void 0;
  return typeof nested === "string" && nested !== "" ? nested : void 0;
}
function parseRef(text2, field2) {
  try {
    return parseImageRef(text2);
  } catch (error) {
    throw new PayloadError(field2, error instanceof Error ? error.message : String(error));
  }
}
function stringList(value, field2) {
  return value.map((item, i) => {
    if (typeof item !== "string") throw new PayloadError(`${field2}[${i}]`, `expected a string, got ${describe2(item)}`);
    return item;
  });
}
function parseJson(text2, where2) {
  try {
    return JSON.parse(text2);
  } catch (error) {
    throw new PayloadError(where2, `not valid JSON: ${oneLine(error instanceof Error ? error.message : String(error))}`);
  }
}
function shapeIssue(value) {
  const pending = [[value, 1]];
  for (let values = 0; pending.length > 0; values++) {
    if (values >= MAX_PAYLOAD_BYTES) return `holds more than ${MAX_PAYLOAD_BYTES} values; GitHub requires less than ${MAX_PAYLOAD_BYTES} bytes of JSON (64KB)`;
    const [item, depth] = pending.pop();
    if (typeof item !== "object" || item === null) continue;
    if (depth > MAX_PAYLOAD_NESTING) return `nests lists or objects more than ${MAX_PAYLOAD_NESTING} deep; no payload needs that many levels`;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return void 0;
}
function withoutUndefined(source) {
  return Object.fromEntries(Object.entries(source).filter(([, v]) => v !== void 0 && v !== ""));
}
function describe2(value) {
  if (value === void 0) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return `${typeof value} ${quoted2(value)}`;
}
function quoted2(value) {
  if (typeof value === "string") return quotedExcerpt(value);
  return typeof value === "object" && value !== null ? describe2(value) : JSON.stringify(value);
}
export {
  ConfigError,
  DEFAULT_CONFIG,
  ImageRefError,
  OverrideSpecError,
  PayloadError,
  PolicyError,
  RequestError,
  SourceError,
  StalePlanError,
  TemplateError,
  applyOverrides,
  applySet,
  buildPayload,
  commitMessage,
  defaultCommitMessage,
  directorySource,
  editKcl,
  editYaml,
  fluxSetters,
  formatDiagnostic,
  formatImageRef,
  humanReport,
  imagesFromMetadata,
  isDigest,
  isTag,
  jsonRefusal,
  jsonReport,
  memorySource,
  nextImageText,
  nextVersion,
  normalizeRepository,
  nothingToUpdate,
  parseConfig,
  parseImageRef,
  parseOverrideSpec,
  parsePayload,
  parsePolicy,
  planUpdate,
  setYamlPath,
  sourceFromEnv,
  tryParseImageRef,
  unifiedDiff,
  validateRequest,
  writePlan
};
