-- A campaign window (Tháng hành động phòng, chống ma túy: 01/6–30/6) that a plan's deadlines may count from
-- ("báo cáo trong vòng 3 ngày sau khi kết thúc Tháng hành động").
alter table plan add column campaign_from date;
alter table plan add column campaign_to date;
