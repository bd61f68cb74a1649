-- A stock batch looks its reported cards up by reference across all banks (a card never moves between banks, so a
-- card another bank holds must be found too); the unique (bank, card_ref) index cannot answer that without a bank.
create index card_slot_card_ref on card_slot (card_ref) where card_ref is not null;
