// The project uses a system Chromium (see scripts/setup.sh); puppeteer's own download is never wanted.
module.exports = { skipDownload: true };
