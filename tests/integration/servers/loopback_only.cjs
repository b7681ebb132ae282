// Preloaded into Node servers started by the test scripts (node --require): a server that asks to listen on
// every interface (no host given, "::" or "0.0.0.0") listens on 127.0.0.1 instead, so nothing a test starts is
// reachable from outside this machine.
"use strict";
const net = require("net");
const listen = net.Server.prototype.listen;
const ANY = new Set([undefined, null, "", "::", "0.0.0.0"]);
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === "object" && args[0] !== null && !Array.isArray(args[0])) {
    if (args[0].path === undefined && ANY.has(args[0].host)) {
      args[0] = { ...args[0], host: "127.0.0.1" };
    }
  } else if (typeof args[0] === "number" || (typeof args[0] === "string" && /^\d+$/.test(args[0]))) {
    if (typeof args[1] !== "string" || ANY.has(args[1])) {
      const rest = typeof args[1] === "string" || args[1] === undefined ? args.slice(2) : args.slice(1);
      args = [args[0], "127.0.0.1", ...rest];
    }
  }
  return listen.apply(this, args);
};
