; neg/not and adc/sbb (carry consumers)
BITS 64
org 0x400000
    neg rax
    not ecx
    adc rdx, rbx
    sbb esi, edi
    jmp done
done:
