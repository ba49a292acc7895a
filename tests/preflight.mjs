// Runs before `npm test`: checks what the browser tests need, and says how to get it if it is missing.
import { existsSync } from "node:fs";

const major = Number(process.versions.node.split(".")[0]);
if (major < 20) {
  console.error(`Yhteistila needs Node.js 20 or newer (this is ${process.version}).`);
  process.exit(1);
}

const explicit = process.env.CHROMIUM_PATH;
if (explicit && !existsSync(explicit)) {
  console.error(`CHROMIUM_PATH points to ${explicit}, which does not exist.`);
  process.exit(1);
}
if (!explicit && !existsSync("/usr/bin/chromium")) {
  let packaged = false;
  try {
    await import("@sparticuz/chromium");
    packaged = true;
  } catch {
    packaged = false;
  }
  if (!packaged) {
    console.error(
      [
        "The browser tests need Chromium, and none was found.",
        "Install it with one of:",
        "  sudo apt-get install chromium        (Debian/Ubuntu: /usr/bin/chromium)",
        "  npm ci                               (installs the packaged Chromium from devDependencies)",
        "or point CHROMIUM_PATH at a Chromium or Chrome binary.",
      ].join("\n"),
    );
    process.exit(1);
  }
  console.log("Using the Chromium packaged in node_modules (@sparticuz/chromium); /usr/bin/chromium is faster.");
}

// The scale-out tests run nginx in front of two processes on the machine's PostgreSQL and Redis.
const nginx = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
if (!existsSync(nginx)) {
  console.error(
    `The scale-out tests need nginx (${nginx} not found): sudo apt-get install nginx-light, or set NGINX_PATH.`,
  );
  process.exit(1);
}
const { connect } = await import("node:net");
const reachable = (port) =>
  new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
    socket.setTimeout(2000, () => {
      socket.destroy();
      resolve(false);
    });
  });
for (const [name, port, variable] of [
  ["PostgreSQL", 5432, "TEST_DATABASE_URL"],
  ["Redis", 6379, "TEST_REDIS_URL"],
]) {
  if (!process.env[variable] && !(await reachable(port))) {
    console.error(`The storage and scale-out tests need ${name} on 127.0.0.1:${port} (or set ${variable}).`);
    process.exit(1);
  }
}
