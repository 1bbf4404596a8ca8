; flags live into an indirect jmp (an interpreter's dispatch): the table of targets that
; define the flags first is probed without touching them (movzx, lea, not, jrcxz); only a
; miss stores them, then probes the whole table
BITS 64
org 0x400000
    shl rbx, 4
    add rbx, r10
    jmp rax
