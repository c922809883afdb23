-- Transaction control of one load (grain: none); the whole load is one transaction.
commit;
