#!/usr/bin/env bash
# Seeds each fuzz target's corpus from the test vectors (fixtures/) and a few spellings,
# into fuzz/seeds/TARGET (not committed: made again from fixtures/ each run).
set -euo pipefail
cd "$(dirname "$0")"
rm -rf seeds
mkdir -p seeds/{offer_status,offer,operation,time_frame,timestamp,retry_after,scenario,redact_sas}
cp ../fixtures/status/*.json ../fixtures/status/invalid/* seeds/offer_status/
cp ../fixtures/offer/*.json ../fixtures/offer/invalid/* seeds/offer/
cp ../fixtures/operation/*.json ../fixtures/operation/invalid/* seeds/operation/
i=0
for s in '< 15 min' '~2-3 days' '< 1 day' '< 1 hour' '~2-5 days' '2 to 3 business days' \
         'about 4 hrs' '> 1 wk' 'up to 90 s' '1.5-2.5 h'; do
  printf '%s' "$s" > "seeds/time_frame/$i"; i=$((i + 1))
done
for s in '2018-03-16T17:50:45.7215661Z' '2018-03-16T17:50:45Z' '2018-03-16T17:50:45.123456789+02:00' \
         '2018-03-16T17:50:45' '2018-03-16 17:50:45'; do
  printf '%s' "$s" > "seeds/timestamp/$i"; i=$((i + 1))
done
for s in '3' '1.5' '-1' 'Wed, 21 Oct 2015 07:28:00 GMT' '1e400'; do
  printf '%s' "$s" > "seeds/retry_after/$i"; i=$((i + 1))
done
for s in 'https://a.blob.core.windows.net/v/os.vhd?sv=1&sig=abc%3D&se=2' 'x SIG=1 y sig%3Dz' 'sig='; do
  printf '%s' "$s" > "seeds/redact_sas/$i"; i=$((i + 1))
done
cp ../fixtures/surface/cases.json seeds/scenario/ 2>/dev/null || true
sed -n '/^```json$/,/^```$/p' ../README.md | sed '/^```/d' > seeds/scenario/readme.json || true
printf '%s' '{"token":"t","timeScale":2,"publishers":{"p":{"offers":{"o":{"status":{"status":"succeeded"}}}}},"faults":[{"kind":"latency","ms":1}]}' > seeds/scenario/small.json
