// Signs and checks Twilio webhook requests with the official `twilio` npm package (twilio@6.2.0), for
// TwilioSignatureTests. Reads from stdin a JSON array of {authToken, url, params, ours} (params: name -> string or array
// of strings; ours: the signature our validator computed) and writes a JSON array of {signature, acceptsOurs}:
// twilio's getExpectedTwilioSignature for the request, and whether twilio's validateRequest accepts ours.
// The package is found through OMNIBOT_TWILIO_NODE_MODULES (the node_modules folder tests/run.sh installs it into).
'use strict';
const path = require('path');

const modules = process.env.OMNIBOT_TWILIO_NODE_MODULES;
if (!modules) {
  process.stderr.write('OMNIBOT_TWILIO_NODE_MODULES is not set; run tests/run.sh, which installs twilio@6.2.0.\n');
  process.exit(2);
}

const twilio = require(path.join(modules, 'twilio'));
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  const cases = JSON.parse(input);
  const results = cases.map(c => ({
    signature: twilio.getExpectedTwilioSignature(c.authToken, c.url, c.params),
    acceptsOurs: twilio.validateRequest(c.authToken, c.ours, c.url, c.params),
  }));
  process.stdout.write(JSON.stringify(results));
});
