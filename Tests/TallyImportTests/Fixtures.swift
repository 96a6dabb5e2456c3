/// Small notes in each format, written for these tests.
enum Fixtures {
    static let flashcardPage = """
    3/5
    Looks like no tags are added yet.
    No analytics yet
    Density (eq)
    Mass per unit volume:
    ρ=Vm
    Rotation Matrix
    A matrix that turns vectors by an angle without stretching them:
    R=cosθamp;−sinθamp;sinθamp;cosθ
    What is gradient descent?
    A method that repeatedly steps against the gradient, for example (xt+1=xt−αgt) with a small step.
    Inner Planets
    The planets closest to the Sun, in order:
    Mercury
    Venus
    What is the Pythagorean relation?
    c = \\sqrt{a^2 + b^2}

    """

    static let headingNotes = """
    # Garden Notes

    Things I learned this season.

    ## Soil

    ### Compost

    Brown and green matter, turned weekly.

    #### Ratio

    About three parts brown to one part green.

    ### Drainage

    ### Mulch

    Keeps moisture in; $r = 2$ cm is enough.

    ## Pests

    ### Aphids
    - soapy water
    - ladybirds
    ```sh
    # not a heading: code
    ```

    """

    static let notebookExport = """
    # Contents

    1. waves
    2. recap

    ---
    ---

    # Waves

    | Kind | Speed |
    |------|-------|
    | sound | $v = 343$ |

    \\begin{align*}
    f &= \\frac{v}{\\lambda}
    \\end{align*}

    ## Recap

    Frequency times wavelength is speed.

    ---
    ---

    ## Recap

    Frequency times wavelength is speed.

    ## Recap

    Something new.

    """
}
