-- Issue 7: an opening is an account of a class (docs/rules.md A2) and, when a card is issued on it, that card's
-- category (docs/rules.md A1). One slot consumes every limit of its opening or none; which card categories are
-- left out of the count is configuration (cardlimit.excluded-card-categories), so the table names categories,
-- not "counted or not".
alter table card_slot add column account_class text, add column card_category text;

-- Pre-existing debit cards are taken as the cards of Class II accounts. Conservative: a later Class I opening is
-- still possible (we do not invent a Class I account the customer may not have), and all four count as debit
-- cards either way.
update card_slot set account_class = 'CLASS_II', card_category = 'DEBIT_CARD' where product = 'DEBIT_CARD';
update card_slot set account_class = case product when 'CLASS_I_ACCOUNT' then 'CLASS_I'
                                                  when 'CLASS_II_ACCOUNT' then 'CLASS_II' else 'CLASS_III' end
 where product in ('CLASS_I_ACCOUNT', 'CLASS_II_ACCOUNT', 'CLASS_III_ACCOUNT');
-- excluded cards sit on an account too; Class II is the class that may carry a card without being Class I
update card_slot set account_class = 'CLASS_II', card_category = product
 where product in ('SOCIAL_SECURITY_CARD', 'MEDICAL_INSURANCE_CARD', 'MILITARY_SECURITY_CARD');

alter table card_slot
    alter column account_class set not null,
    add constraint card_slot_account_class check (account_class in ('CLASS_I', 'CLASS_II', 'CLASS_III')),
    add constraint card_slot_card_category check (card_category in ('DEBIT_CARD', 'SOCIAL_SECURITY_CARD',
        'MEDICAL_INSURANCE_CARD', 'MILITARY_SECURITY_CARD', 'MOBILE_PAYMENT_CARD', 'VIRTUAL_CARD', 'E_CARD')),
    add constraint card_slot_class_iii_has_no_card check (account_class <> 'CLASS_III' or card_category is null);
-- the customer index named the product column; counting is now per person over all kinds at once
drop index card_slot_customer;
alter table card_slot drop column product;
create index card_slot_customer on card_slot (bank, customer_ref) where state in ('HELD', 'INACTIVE', 'ACTIVE');

-- An override lifts one limit by one slot. Overrides asked for an uncounted category lifted nothing and keep
-- lifting nothing (no limit named).
alter table limit_override rename column product to limit_kind;
alter table limit_override alter column limit_kind drop not null;
update limit_override set limit_kind = case limit_kind when 'DEBIT_CARD' then 'DEBIT_CARDS'
                                                       when 'CLASS_I_ACCOUNT' then 'CLASS_I_ACCOUNTS'
                                                       when 'CLASS_II_ACCOUNT' then 'CLASS_II_ACCOUNTS'
                                                       when 'CLASS_III_ACCOUNT' then 'CLASS_III_ACCOUNTS' end;
alter table limit_override add constraint limit_override_limit_kind check (limit_kind in ('DEBIT_CARDS',
    'CLASS_I_ACCOUNTS', 'CLASS_II_ACCOUNTS', 'CLASS_III_ACCOUNTS', 'PAYMENT_ACCOUNTS'));

-- work-list items are per limit now
alter table stock_work_item rename column product to limit_kind;
update stock_work_item set limit_kind = case limit_kind when 'DEBIT_CARD' then 'DEBIT_CARDS'
                                                        when 'CLASS_I_ACCOUNT' then 'CLASS_I_ACCOUNTS'
                                                        when 'CLASS_II_ACCOUNT' then 'CLASS_II_ACCOUNTS'
                                                        else 'CLASS_III_ACCOUNTS' end;
