#!/usr/bin/env bash
# Drives card-limit-service through a Prism proxy (docs/api-compatibility.md, "Prism proxy"): every
# operation once, and the error answers a well-formed request can get (400, 403, 404, 406, 409, 422).
# Usage: scripts/prism-drive-card-limit.sh http://127.0.0.1:4010   (tokens from scripts/token.sh card-limit-service …)
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
P=${1:?proxy URL}
BANK=$(scripts/token.sh card-limit-service bank B102); AUD=$(scripts/token.sh card-limit-service auditor AUD01); REG=$(scripts/token.sh card-limit-service regulator REG01)
J='Content-Type: application/json'; uuid() { cat /proc/sys/kernel/random/uuid; }
PERSON=$(python3 -c '
import random
w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]; c="10X98765432"
b="110105"+"1990%02d%02d"%(random.randint(1,12),random.randint(1,28))+"%03d"%random.randint(0,999)
print(b+c[sum(int(x)*y for x,y in zip(b,w))%11])')
CARD=$(python3 -c '
import random
b="622202"+"".join(str(random.randint(0,9)) for _ in range(9))
s=0
for i,d in enumerate(reversed(b)):
    d=int(d)
    if i%2==0: d=d*2-9 if d*2>9 else d*2
    s+=d
print(b+str((10-s%10)%10))')
run() { local name=$1; shift; printf '%-34s ' "$name"; curl -s -o /tmp/prism-body -w "%{http_code} %{content_type}\n" "$@"; }
OPEN="{\"customer\":{\"type\":\"RESIDENT_ID\",\"number\":\"$PERSON\"},\"accountClass\":\"CLASS_II\",\"card\":\"DEBIT_CARD\",\"channel\":\"COUNTER\"}"
run "checkOpening 200" -H "Authorization: Bearer $BANK" -H "$J" $P/v1/opening-checks -d "$OPEN"
KEY=$(uuid)
run "reserveSlot 201" -H "Authorization: Bearer $BANK" -H "$J" -H "Idempotency-Key: $KEY" $P/v1/slot-reservations -d "$OPEN"
ID=$(python3 -c 'import json;print(json.load(open("/tmp/prism-body"))["id"])')
run "reserveSlot replay 201" -H "Authorization: Bearer $BANK" -H "$J" -H "Idempotency-Key: $KEY" $P/v1/slot-reservations -d "$OPEN"
run "reserveSlot key reused 422" -H "Authorization: Bearer $BANK" -H "$J" -H "Idempotency-Key: $KEY" $P/v1/slot-reservations -d "${OPEN/COUNTER/ONLINE}"
run "getReservation 200" -H "Authorization: Bearer $BANK" $P/v1/slot-reservations/$ID
run "getReservation other bank 404" -H "Authorization: Bearer $(scripts/token.sh card-limit-service bank B999)" $P/v1/slot-reservations/$ID
run "getReservation auditor 403" -H "Authorization: Bearer $AUD" $P/v1/slot-reservations/$ID
run "confirmReservation bad card 400" -H "Authorization: Bearer $BANK" -H "$J" -H "Idempotency-Key: $(uuid)" $P/v1/slot-reservations/$ID/confirmation -d '{"cardNumber":"6222021234567895"}'
run "confirmReservation 200" -H "Authorization: Bearer $BANK" -H "$J" -H "Idempotency-Key: $(uuid)" $P/v1/slot-reservations/$ID/confirmation -d "{\"cardNumber\":\"$CARD\"}"
run "getCard 200" -H "Authorization: Bearer $BANK" $P/v1/cards/$ID
run "getCard unknown 404" -H "Authorization: Bearer $BANK" $P/v1/cards/$(uuid)
run "releaseReservation confirmed 409" -H "Authorization: Bearer $BANK" -X DELETE $P/v1/slot-reservations/$ID
run "closeCard 200" -H "Authorization: Bearer $BANK" -H "Idempotency-Key: $(uuid)" -X POST $P/v1/cards/$ID/closure
run "closeCard again 200 (idempotent)" -H "Authorization: Bearer $BANK" -H "Idempotency-Key: $(uuid)" -X POST $P/v1/cards/$ID/closure
KEY2=$(uuid)
run "reserveSlot 201 (to release)" -H "Authorization: Bearer $BANK" -H "$J" -H "Idempotency-Key: $KEY2" $P/v1/slot-reservations -d "$OPEN"
ID2=$(python3 -c 'import json;print(json.load(open("/tmp/prism-body"))["id"])')
run "releaseReservation 204" -H "Authorization: Bearer $BANK" -X DELETE $P/v1/slot-reservations/$ID2
run "confirmReservation released 409" -H "Authorization: Bearer $BANK" -H "$J" -H "Idempotency-Key: $(uuid)" $P/v1/slot-reservations/$ID2/confirmation -d "{\"cardNumber\":\"$CARD\"}"
run "checkOpening wrong check digit 400" -H "Authorization: Bearer $BANK" -H "$J" $P/v1/opening-checks -d '{"customer":{"type":"RESIDENT_ID","number":"110105194912310021"},"accountClass":"CLASS_II","card":"DEBIT_CARD","channel":"COUNTER"}'
run "checkOpening not acceptable 406" -H "Authorization: Bearer $BANK" -H "$J" -H "Accept: text/html" $P/v1/opening-checks -d "$OPEN"
run "requestOverride 201" -H "Authorization: Bearer $BANK" -H "$J" -H "Idempotency-Key: $(uuid)" $P/v1/overrides -d "{\"customer\":{\"type\":\"RESIDENT_ID\",\"number\":\"$PERSON\"},\"limitKind\":\"DEBIT_CARDS\",\"reason\":\"Payroll card required by the new employer\"}"
OV=$(python3 -c 'import json;print(json.load(open("/tmp/prism-body"))["id"])')
run "getOverride 200" -H "Authorization: Bearer $BANK" $P/v1/overrides/$OV
run "approveOverride self 403" -H "Authorization: Bearer $BANK" -H "Idempotency-Key: $(uuid)" -X POST $P/v1/overrides/$OV/approval
run "approveOverride 200" -H "Authorization: Bearer $(scripts/token.sh card-limit-service bank B102 b102-supervisor)" -H "Idempotency-Key: $(uuid)" -X POST $P/v1/overrides/$OV/approval
run "listCustomerHoldings 200" -H "Authorization: Bearer $BANK" "$P/v1/customers/dev1.nobody/holdings"
run "countAcrossBanks 200" -H "Authorization: Bearer $REG" -H "$J" $P/v1/cross-bank-counts -d "{\"customer\":{\"type\":\"RESIDENT_ID\",\"number\":\"$PERSON\"}}"
run "countAcrossBanks bank 403" -H "Authorization: Bearer $BANK" -H "$J" $P/v1/cross-bank-counts -d "{\"customer\":{\"type\":\"RESIDENT_ID\",\"number\":\"$PERSON\"}}"
UP=$(uuid)
run "uploadStock 201" -H "Authorization: Bearer $BANK" -H "Content-Type: application/x-ndjson" -H "Idempotency-Key: $UP" --data-binary "{\"customer\":{\"type\":\"RESIDENT_ID\",\"number\":\"$PERSON\"},\"accountClass\":\"CLASS_II\",\"card\":\"DEBIT_CARD\",\"cardNumber\":\"$CARD\",\"state\":\"CLOSED\"}" $P/v1/stock-uploads
SU=$(python3 -c 'import json;print(json.load(open("/tmp/prism-body"))["id"])')
run "uploadStock replay 201" -H "Authorization: Bearer $BANK" -H "Content-Type: application/x-ndjson" -H "Idempotency-Key: $UP" --data-binary "{}" $P/v1/stock-uploads
run "getStockUpload 200" -H "Authorization: Bearer $BANK" $P/v1/stock-uploads/$SU
run "verifyAuditChain 200" -H "Authorization: Bearer $AUD" $P/v1/audit-chain/verification
run "verifyAuditChain bank 403" -H "Authorization: Bearer $BANK" $P/v1/audit-chain/verification
