-- Reminders and escalations send the same kind of message about the same task more than once (5 and 1 working days
-- before the due date, every 5 working days while overdue, and on demand from the monitor). Each sending is one
-- occasion: the timer that fired and its due moment, or who asked and when. A message is unique per occasion, so a
-- retried job or a second node can never send the same occasion twice.
alter table mail_outbox add column occasion varchar(128) default '' not null;
-- who asked for the message from the monitor (null: the process itself)
alter table mail_outbox add column requested_by varchar(64);
drop index ux_mail_outbox_message;
create unique index ux_mail_outbox_message on mail_outbox (kind, task_id, recipient, occasion);
